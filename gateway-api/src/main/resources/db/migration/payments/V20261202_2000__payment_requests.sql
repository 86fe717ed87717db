-- Payment requests: a carrier bills a shipper for a load. Owned by the carrier's tenant and visible to the shipper it
-- is addressed to: the row-level policy lets either party's tenant see the row (and the shipper pay it), nobody
-- else's. Amounts are minor units of the currency (no floating point). Audited by Envers.
CREATE TABLE payment_requests (
    id                         UUID PRIMARY KEY,
    tenant_id                  UUID        NOT NULL,
    shipper_id                 UUID        NOT NULL,
    load_reference             TEXT        NOT NULL,
    load_id                    UUID,
    origin                     TEXT        NOT NULL,
    destination                TEXT        NOT NULL,
    pickup_date                DATE        NOT NULL,
    delivery_date              DATE        NOT NULL,
    due_date                   DATE        NOT NULL,
    terms                      TEXT,
    description                TEXT,
    amount_minor               BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency                   CHAR(3)     NOT NULL,
    capture_on_delivery        BOOLEAN     NOT NULL DEFAULT false,
    status                     TEXT        NOT NULL CHECK (status IN ('OPEN', 'PAYMENT_PENDING', 'AUTHORIZED', 'PAID',
                                                                      'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED',
                                                                      'CANCELED')),
    current_attempt_id         UUID,
    attempt_count              INTEGER     NOT NULL DEFAULT 0,
    amount_paid_minor          BIGINT      NOT NULL DEFAULT 0,
    amount_refunded_minor      BIGINT      NOT NULL DEFAULT 0,
    payment_method_type        TEXT,
    stripe_payment_intent_id   TEXT UNIQUE,
    stripe_charge_id           TEXT,
    capture_before             TIMESTAMPTZ,
    paid_at                    TIMESTAMPTZ,
    reclaimable_until          TIMESTAMPTZ,
    canceled_at                TIMESTAMPTZ,
    rate_confirmation_id       UUID,
    pay_token_hash             TEXT        NOT NULL UNIQUE,
    notified_at                TIMESTAMPTZ,
    reminder_before_sent_at    TIMESTAMPTZ,
    reminder_overdue_sent_at   TIMESTAMPTZ,
    expiry_alerted_at          TIMESTAMPTZ,
    created_by                 TEXT        NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    version                    BIGINT      NOT NULL DEFAULT 0,
    CHECK (amount_refunded_minor <= amount_paid_minor),
    CHECK (delivery_date >= pickup_date)
);
CREATE INDEX payment_requests_tenant ON payment_requests (tenant_id, created_at DESC);
CREATE INDEX payment_requests_shipper ON payment_requests (shipper_id, created_at DESC);
CREATE INDEX payment_requests_open_due ON payment_requests (due_date) WHERE status = 'OPEN';
CREATE INDEX payment_requests_authorized ON payment_requests (capture_before) WHERE status = 'AUTHORIZED';
ALTER TABLE payment_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON payment_requests
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE payment_requests_aud (
    id                         UUID     NOT NULL,
    rev                        BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype                    SMALLINT NOT NULL,
    tenant_id                  UUID,
    shipper_id                 UUID,
    load_reference             TEXT,
    load_id                    UUID,
    origin                     TEXT,
    destination                TEXT,
    pickup_date                DATE,
    delivery_date              DATE,
    due_date                   DATE,
    terms                      TEXT,
    description                TEXT,
    amount_minor               BIGINT,
    currency                   CHAR(3),
    capture_on_delivery        BOOLEAN,
    status                     TEXT,
    current_attempt_id         UUID,
    attempt_count              INTEGER,
    amount_paid_minor          BIGINT,
    amount_refunded_minor      BIGINT,
    payment_method_type        TEXT,
    stripe_payment_intent_id   TEXT,
    stripe_charge_id           TEXT,
    capture_before             TIMESTAMPTZ,
    paid_at                    TIMESTAMPTZ,
    reclaimable_until          TIMESTAMPTZ,
    canceled_at                TIMESTAMPTZ,
    rate_confirmation_id       UUID,
    pay_token_hash             TEXT,
    notified_at                TIMESTAMPTZ,
    reminder_before_sent_at    TIMESTAMPTZ,
    reminder_overdue_sent_at   TIMESTAMPTZ,
    expiry_alerted_at          TIMESTAMPTZ,
    created_by                 TEXT,
    created_at                 TIMESTAMPTZ,
    updated_at                 TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE payment_requests_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_requests_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON payment_requests_aud
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());

-- Payment attempts: each time the shipper tries to pay, one row, written before Stripe is called. Its idempotency key
-- derives from the attempt's identity, and every parameter of the PaymentIntent call is kept, so an unknown outcome
-- is reconciled by repeating the very same call (Stripe replays it; money never moves twice).
CREATE TABLE payment_attempts (
    id                         UUID PRIMARY KEY,
    payment_request_id         UUID        NOT NULL REFERENCES payment_requests (id),
    tenant_id                  UUID        NOT NULL,
    shipper_id                 UUID        NOT NULL,
    number                     INTEGER     NOT NULL,
    method                     TEXT        NOT NULL CHECK (method IN ('CARD', 'SEPA_DEBIT')),
    amount_minor               BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency                   CHAR(3)     NOT NULL,
    manual_capture             BOOLEAN     NOT NULL,
    stripe_payment_method_id   TEXT,
    return_url                 TEXT,
    mandate_ip                 TEXT,
    mandate_user_agent         TEXT,
    mandate_accepted_at        TIMESTAMPTZ,
    idempotency_key            TEXT        NOT NULL UNIQUE,
    screening_verdict          TEXT        NOT NULL CHECK (screening_verdict IN ('ALLOW', 'REVIEW', 'BLOCK')),
    screening_reasons          TEXT        NOT NULL DEFAULT '',
    outcome                    TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED', 'PENDING', 'UNKNOWN',
                                                                       'NOT_ATTEMPTED')),
    stripe_status              TEXT,
    stripe_payment_intent_id   TEXT UNIQUE,
    stripe_charge_id           TEXT,
    next_action_url            TEXT,
    decline_code               TEXT,
    failure_message            TEXT,
    reconcile_count            INTEGER     NOT NULL DEFAULT 0,
    stripe_observed_at         TIMESTAMPTZ,
    created_by                 TEXT        NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    version                    BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (payment_request_id, number)
);
CREATE INDEX payment_attempts_unknown ON payment_attempts (updated_at) WHERE outcome IN ('UNKNOWN', 'PENDING');
ALTER TABLE payment_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON payment_attempts
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());

-- Refunds of a paid request, full or partial, each with its own idempotency key.
CREATE TABLE payment_refunds (
    id                         UUID PRIMARY KEY,
    payment_request_id         UUID        NOT NULL REFERENCES payment_requests (id),
    tenant_id                  UUID        NOT NULL,
    shipper_id                 UUID        NOT NULL,
    amount_minor               BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency                   CHAR(3)     NOT NULL,
    reason                     TEXT,
    outcome                    TEXT        NOT NULL CHECK (outcome IN ('APPROVED', 'DECLINED', 'PENDING', 'UNKNOWN',
                                                                       'NOT_ATTEMPTED')),
    stripe_refund_id           TEXT UNIQUE,
    stripe_status              TEXT,
    failure_message            TEXT,
    created_by                 TEXT        NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    version                    BIGINT      NOT NULL DEFAULT 0
);
ALTER TABLE payment_refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_refunds FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON payment_refunds
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());
