-- A refund of a payment request whose transfer was already made takes back the carrier's share in proportion: one
-- partial transfer reversal per refund, recorded before Stripe is called (idempotency key fg-refund-reversal-{refund})
-- and repeated by the transfer retry job while its outcome is unknown. Tenant-owned (the carrier).
CREATE TABLE transfer_refund_reversals (
    refund_id          UUID PRIMARY KEY,
    payment_request_id UUID        NOT NULL,
    tenant_id          UUID        NOT NULL,
    stripe_transfer_id TEXT        NOT NULL,
    amount_minor       BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency           CHAR(3)     NOT NULL,
    idempotency_key    TEXT        NOT NULL UNIQUE,
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'UNKNOWN', 'DONE', 'FAILED')),
    stripe_reversal_id TEXT,
    last_error         TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX transfer_refund_reversals_open ON transfer_refund_reversals (status) WHERE status IN ('PENDING', 'UNKNOWN');
ALTER TABLE transfer_refund_reversals ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfer_refund_reversals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON transfer_refund_reversals
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
