-- Transfers: the carrier's share of a paid payment request, sent to its Stripe connected account (separate charges and
-- transfers: transfer_group = the request's group, source_transaction = its charge). One row per payment request,
-- owned by the carrier's tenant (the shipper has no business with the carrier's share or the platform's fee); platform
-- staff, webhooks and jobs use the audited system path. Each send records its intent (status SENDING, attempt number n,
-- idempotency key fg-transfer-{payment request}-{n}) before Stripe is called. Amounts are minor units. Audited by
-- Envers.
CREATE TABLE transfers (
    id                         UUID PRIMARY KEY,
    payment_request_id         UUID        NOT NULL UNIQUE REFERENCES payment_requests (id),
    tenant_id                  UUID        NOT NULL,
    currency                   CHAR(3)     NOT NULL,
    gross_minor                BIGINT      NOT NULL CHECK (gross_minor >= 0),
    fee_minor                  BIGINT      NOT NULL CHECK (fee_minor >= 0),
    refunded_minor             BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    amount_minor               BIGINT      NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
    status                     TEXT        NOT NULL CHECK (status IN ('AWAITING_PAYMENT', 'PENDING', 'SENDING', 'SENT',
                                                                      'FAILED', 'REVERSING', 'REVERSED',
                                                                      'NOTHING_TO_TRANSFER')),
    attempt_number             INTEGER     NOT NULL DEFAULT 0,
    idempotency_key            TEXT,
    destination_account        TEXT,
    source_transaction         TEXT,
    stripe_transfer_id         TEXT UNIQUE,
    stripe_reversal_id         TEXT UNIQUE,
    reversal_key               TEXT,
    delivery_confirmed_at      TIMESTAMPTZ,
    released_at                TIMESTAMPTZ,
    reversed_at                TIMESTAMPTZ,
    last_error                 TEXT,
    retry_count                INTEGER     NOT NULL DEFAULT 0,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    version                    BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX transfers_tenant ON transfers (tenant_id, created_at DESC);
CREATE INDEX transfers_open ON transfers (updated_at) WHERE status IN ('PENDING', 'SENDING', 'FAILED', 'REVERSING');
ALTER TABLE transfers ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfers FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_only ON transfers
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE transfers_aud (
    id                         UUID     NOT NULL,
    rev                        BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype                    SMALLINT NOT NULL,
    payment_request_id         UUID,
    tenant_id                  UUID,
    currency                   CHAR(3),
    gross_minor                BIGINT,
    fee_minor                  BIGINT,
    refunded_minor             BIGINT,
    amount_minor               BIGINT,
    status                     TEXT,
    attempt_number             INTEGER,
    idempotency_key            TEXT,
    destination_account        TEXT,
    source_transaction         TEXT,
    stripe_transfer_id         TEXT,
    stripe_reversal_id         TEXT,
    reversal_key               TEXT,
    delivery_confirmed_at      TIMESTAMPTZ,
    released_at                TIMESTAMPTZ,
    reversed_at                TIMESTAMPTZ,
    last_error                 TEXT,
    retry_count                INTEGER,
    created_at                 TIMESTAMPTZ,
    updated_at                 TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE transfers_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfers_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_only ON transfers_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Holds on a transfer: while one is active (released_at is null) the transfer waits. Reasons FRAUD_REVIEW, DISPUTE,
-- KYC_REVOKED, MANUAL; at most one active hold per reason. Audited: who held and who released is finance evidence.
CREATE TABLE transfer_holds (
    id                         UUID PRIMARY KEY,
    transfer_id                UUID        NOT NULL REFERENCES transfers (id),
    tenant_id                  UUID        NOT NULL,
    reason                     TEXT        NOT NULL CHECK (reason IN ('FRAUD_REVIEW', 'DISPUTE', 'KYC_REVOKED', 'MANUAL')),
    note                       TEXT,
    placed_by                  TEXT        NOT NULL,
    placed_at                  TIMESTAMPTZ NOT NULL,
    released_by                TEXT,
    released_at                TIMESTAMPTZ,
    version                    BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX transfer_holds_active ON transfer_holds (transfer_id, reason) WHERE released_at IS NULL;
ALTER TABLE transfer_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfer_holds FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_only ON transfer_holds
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE transfer_holds_aud (
    id                         UUID     NOT NULL,
    rev                        BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype                    SMALLINT NOT NULL,
    transfer_id                UUID,
    tenant_id                  UUID,
    reason                     TEXT,
    note                       TEXT,
    placed_by                  TEXT,
    placed_at                  TIMESTAMPTZ,
    released_by                TEXT,
    released_at                TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE transfer_holds_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfer_holds_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_only ON transfer_holds_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
