-- One record per Stripe call that changes something (io.freightgate.platform.stripe.calls): the intent is written in
-- the transaction of the business change that needs it and committed before Stripe is called with idempotency_key;
-- the outcome is written in the transaction that applies it to the owning entity, which keeps the call's id. The
-- janitor looks up open calls (INTENDED, PENDING, UNKNOWN) when next_check_at comes, through a lookup registered per
-- operation. Tenant data: row-level security like every tenant table; the janitor reaches every tenant through the
-- audited system path.
CREATE TABLE stripe_calls (
    id               UUID        PRIMARY KEY,
    tenant_id        UUID        NOT NULL,
    operation        TEXT        NOT NULL,
    business_key     TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    outcome          TEXT        NOT NULL
        CHECK (outcome IN ('INTENDED', 'APPROVED', 'DECLINED', 'PENDING', 'UNKNOWN', 'NOT_ATTEMPTED')),
    stripe_object_id TEXT,
    detail           TEXT,
    sends            INT         NOT NULL DEFAULT 0 CHECK (sends >= 0),
    checks           INT         NOT NULL DEFAULT 0 CHECK (checks >= 0),
    intended_at      TIMESTAMPTZ NOT NULL,
    last_sent_at     TIMESTAMPTZ,
    decided_at       TIMESTAMPTZ,
    next_check_at    TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT stripe_calls_key UNIQUE (operation, idempotency_key),
    CONSTRAINT stripe_calls_decided CHECK ((outcome IN ('APPROVED', 'DECLINED', 'NOT_ATTEMPTED')) = (decided_at IS NOT NULL))
);
CREATE INDEX stripe_calls_open_idx ON stripe_calls (next_check_at) WHERE outcome IN ('INTENDED', 'PENDING', 'UNKNOWN');
CREATE INDEX stripe_calls_business_idx ON stripe_calls (operation, business_key);
ALTER TABLE stripe_calls ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_calls FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_calls
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
