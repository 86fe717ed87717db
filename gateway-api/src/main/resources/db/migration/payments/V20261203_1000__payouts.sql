-- Carriers' payouts from their Stripe Connect accounts (automatic by the account's schedule, or on demand), as last
-- seen from Stripe, and each paid payout's remittance: the balance transactions it contains, tied to the payment
-- requests and loads they came from. Tenant-owned (the carrier), under the same row-level security as every
-- tenant-owned table. Amounts in minor units of the payout's currency.
CREATE TABLE payouts (
    id                 UUID PRIMARY KEY,
    tenant_id          UUID        NOT NULL,
    stripe_account_id  TEXT        NOT NULL,
    stripe_payout_id   TEXT UNIQUE,
    idempotency_key    TEXT UNIQUE,
    automatic          BOOLEAN     NOT NULL,
    amount_minor       BIGINT      NOT NULL CHECK (amount_minor >= 0),
    currency           CHAR(3)     NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'REQUEST_UNKNOWN', 'PENDING', 'IN_TRANSIT',
                                                              'PAID', 'FAILED', 'CANCELED', 'DECLINED')),
    arrival_date       DATE,
    failure_code       TEXT,
    failure_message    TEXT,
    requested_by       TEXT,
    stripe_created_at  TIMESTAMPTZ,
    state_observed_at  TIMESTAMPTZ,
    remittance_built_at TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX payouts_by_tenant ON payouts (tenant_id, created_at DESC);
ALTER TABLE payouts ENABLE ROW LEVEL SECURITY;
ALTER TABLE payouts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payouts
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- One line per balance transaction of the connected account; a balance transaction belongs to one remittance only.
CREATE TABLE remittance_lines (
    id                     UUID PRIMARY KEY,
    payout_id              UUID        NOT NULL REFERENCES payouts (id),
    tenant_id              UUID        NOT NULL,
    stripe_account_id      TEXT        NOT NULL,
    balance_transaction_id TEXT        NOT NULL,
    kind                   TEXT        NOT NULL CHECK (kind IN ('PAYMENT', 'REVERSAL', 'ADJUSTMENT', 'OTHER')),
    stripe_type            TEXT        NOT NULL,
    amount_minor           BIGINT      NOT NULL,
    fee_minor              BIGINT      NOT NULL,
    net_minor              BIGINT      NOT NULL,
    currency               CHAR(3)     NOT NULL,
    payment_request_id     UUID,
    load_reference         TEXT,
    invoice_amount_minor   BIGINT,
    transfer_id            TEXT,
    source_id              TEXT,
    description            TEXT,
    occurred_at            TIMESTAMPTZ NOT NULL,
    UNIQUE (stripe_account_id, balance_transaction_id)
);
CREATE INDEX remittance_lines_by_payout ON remittance_lines (payout_id);
ALTER TABLE remittance_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE remittance_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON remittance_lines
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
-- A remittance, once built, is a statement: never edited.
REVOKE UPDATE, DELETE ON remittance_lines FROM ${app_role};
