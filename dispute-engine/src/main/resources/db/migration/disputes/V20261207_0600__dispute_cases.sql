-- Dispute cases: one per Stripe dispute on the charge of a payment request, kept in step with Stripe's dispute object.
-- Owned by the carrier's tenant (the payment request's) and visible to the shipper that paid, like the payment
-- requests themselves: the row-level policy lets either party's tenant see the row, and the system scope every row.

CREATE TABLE dispute_cases (
    id                      UUID PRIMARY KEY,
    tenant_id               UUID        NOT NULL,
    shipper_id              UUID        NOT NULL,
    stripe_dispute_id       TEXT        NOT NULL UNIQUE,
    charge_id               TEXT        NOT NULL,
    payment_intent_id       TEXT        NOT NULL,
    payment_request_id      UUID        NOT NULL,
    status                  TEXT        NOT NULL CHECK (status IN ('WARNING_NEEDS_RESPONSE', 'WARNING_UNDER_REVIEW',
                                                               'WARNING_CLOSED', 'NEEDS_RESPONSE', 'UNDER_REVIEW',
                                                               'WON', 'LOST', 'PREVENTED')),
    amount_minor            BIGINT      NOT NULL CHECK (amount_minor >= 0),
    currency                CHAR(3)     NOT NULL,
    reason                  TEXT        NOT NULL,
    evidence_due_by         TIMESTAMPTZ,
    funds_currency          CHAR(3),
    withdrawn_minor         BIGINT,
    withdrawal_fee_minor    BIGINT,
    reinstated_minor        BIGINT,
    reinstatement_fee_minor BIGINT,
    opened_at               TIMESTAMPTZ NOT NULL,
    closed_at               TIMESTAMPTZ,
    updated_at              TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX dispute_cases_payment_request ON dispute_cases (payment_request_id);
CREATE INDEX dispute_cases_tenant ON dispute_cases (tenant_id, opened_at DESC);
CREATE INDEX dispute_cases_open_due ON dispute_cases (evidence_due_by) WHERE closed_at IS NULL;
ALTER TABLE dispute_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE dispute_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON dispute_cases
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());
