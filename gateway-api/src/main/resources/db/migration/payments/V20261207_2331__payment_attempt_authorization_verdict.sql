-- Every card payment is authorized first and captured only after the charge's Radar outcome was screened (ADR 0013).
-- The attempt keeps what that second screening decided: SCREENING while it runs (it is claimed once, whichever of the
-- synchronous answer, the webhook or the janitor sees the authorization first), then ALLOW, REVIEW, BLOCK, and for a
-- review the person's (or the policy's) APPROVED or REJECTED. Empty for attempts never authorized.
ALTER TABLE payment_attempts ADD COLUMN authorization_verdict TEXT
    CHECK (authorization_verdict IN ('SCREENING', 'ALLOW', 'REVIEW', 'BLOCK', 'APPROVED', 'REJECTED'));
