-- Issue 20, stage 1: the fraud module screens every payment before its PaymentIntent is confirmed. The attempt keeps
-- what that screening decided with and about: the card's fingerprint (read from Stripe before screening; NULL when
-- Stripe did not answer or the payment is a SEPA debit), the fraud decision's id (stage 2 finds the stage-1 decision
-- by it), and whether the PaymentIntent is confirmed with 3-D Secure requested. The flag is set once, before the
-- PaymentIntent call is recorded, and never changes: a resend of the call by the janitor sends the same parameters.
ALTER TABLE payment_attempts DROP CONSTRAINT payment_attempts_screening_verdict_check;
ALTER TABLE payment_attempts ADD CONSTRAINT payment_attempts_screening_verdict_check
    CHECK (screening_verdict IN ('ALLOW', 'REQUEST_3DS', 'REVIEW', 'BLOCK'));
ALTER TABLE payment_attempts ADD COLUMN card_fingerprint TEXT;
ALTER TABLE payment_attempts ADD COLUMN screening_decision_id UUID;
ALTER TABLE payment_attempts ADD COLUMN request_three_d_secure BOOLEAN NOT NULL DEFAULT false;
