-- Carrier payout accounts: one Stripe Connect account per carrier, its onboarding state and requirements as last
-- seen from Stripe. Tenant-owned (the carrier), audited by Envers, under the same row-level security as every
-- tenant-owned table. Requirement lists are comma-separated Stripe field names (which contain no commas).
CREATE TABLE payout_accounts (
    id                       UUID PRIMARY KEY,
    tenant_id                UUID        NOT NULL UNIQUE,
    stripe_account_id        TEXT UNIQUE,
    status                   TEXT        NOT NULL CHECK (status IN ('CREATING', 'CREATION_UNKNOWN', 'DECLINED',
                                                                    'ONBOARDING', 'ACTIVE', 'RESTRICTED')),
    country                  CHAR(2)     NOT NULL,
    payout_interval          TEXT        NOT NULL,
    charges_enabled          BOOLEAN     NOT NULL DEFAULT false,
    payouts_enabled          BOOLEAN     NOT NULL DEFAULT false,
    details_submitted        BOOLEAN     NOT NULL DEFAULT false,
    card_payments_capability TEXT,
    transfers_capability     TEXT,
    currently_due            TEXT        NOT NULL DEFAULT '',
    eventually_due           TEXT        NOT NULL DEFAULT '',
    past_due                 TEXT        NOT NULL DEFAULT '',
    disabled_reason          TEXT,
    current_deadline         TIMESTAMPTZ,
    state_observed_at        TIMESTAMPTZ,
    last_error               TEXT,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    version                  BIGINT      NOT NULL DEFAULT 0
);
ALTER TABLE payout_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE payout_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payout_accounts
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE payout_accounts_aud (
    id                       UUID     NOT NULL,
    rev                      BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype                  SMALLINT NOT NULL,
    tenant_id                UUID,
    stripe_account_id        TEXT,
    status                   TEXT,
    country                  CHAR(2),
    payout_interval          TEXT,
    charges_enabled          BOOLEAN,
    payouts_enabled          BOOLEAN,
    details_submitted        BOOLEAN,
    card_payments_capability TEXT,
    transfers_capability     TEXT,
    currently_due            TEXT,
    eventually_due           TEXT,
    past_due                 TEXT,
    disabled_reason          TEXT,
    current_deadline         TIMESTAMPTZ,
    state_observed_at        TIMESTAMPTZ,
    last_error               TEXT,
    created_at               TIMESTAMPTZ,
    updated_at               TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE payout_accounts_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE payout_accounts_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payout_accounts_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
