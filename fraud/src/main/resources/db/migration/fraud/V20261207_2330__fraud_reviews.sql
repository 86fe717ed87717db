-- The fraud review queue (docs/fraud.md, "Stage 2 and reviews"): a payment the screening sent to REVIEW waits here,
-- its card authorization kept (or, for SEPA, its transfer held), until a risk analyst approves or rejects it with a
-- note, or the policy decides before the authorization expires. One review per payment attempt. Platform data: only
-- the audited system path reads or writes these rows.
CREATE TABLE fraud_reviews (
    id                  UUID PRIMARY KEY,
    opened_at           TIMESTAMPTZ NOT NULL,
    stage               TEXT        NOT NULL CHECK (stage IN ('BEFORE_CONFIRMATION', 'AFTER_AUTHORIZATION')),
    decision_id         UUID        NOT NULL REFERENCES fraud_decisions (id),
    payment_request_id  UUID        NOT NULL,
    attempt_id          UUID        NOT NULL UNIQUE,
    carrier_id          UUID        NOT NULL,
    shipper_id          UUID        NOT NULL,
    amount_minor        BIGINT      NOT NULL,
    currency            CHAR(3)     NOT NULL,
    method              TEXT        NOT NULL CHECK (method IN ('card', 'sepa_debit')),
    payment_intent_id   TEXT,
    charge_id           TEXT,
    stripe_review_id    TEXT,
    decide_by           TIMESTAMPTZ,
    status              TEXT        NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED')),
    claimed_by          TEXT,
    claimed_at          TIMESTAMPTZ,
    closed_by           TEXT,
    closed_at           TIMESTAMPTZ,
    note                TEXT CHECK (length(note) <= 2000),
    -- set while our own decision moves the money: Stripe's review.closed caused by it is not applied a second time
    deciding_since      TIMESTAMPTZ,
    CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE INDEX fraud_reviews_queue ON fraud_reviews (status, opened_at);
CREATE INDEX fraud_reviews_stripe ON fraud_reviews (stripe_review_id) WHERE stripe_review_id IS NOT NULL;
ALTER TABLE fraud_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_reviews USING (fg_system_scope()) WITH CHECK (fg_system_scope());

-- Everything that happened to a review, append-only: opened, claimed, approved, rejected, closed at Stripe.
CREATE TABLE fraud_review_log (
    id          UUID PRIMARY KEY,
    review_id   UUID        NOT NULL REFERENCES fraud_reviews (id),
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL CHECK (action IN ('OPENED', 'CLAIMED', 'APPROVED', 'REJECTED', 'STRIPE_CLOSED')),
    note        TEXT
);
CREATE INDEX fraud_review_log_review ON fraud_review_log (review_id, at);
ALTER TABLE fraud_review_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_review_log FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_review_log USING (fg_system_scope()) WITH CHECK (fg_system_scope());
