-- Fraud decisions and lists. Platform data like the rules: only the audited system path reads or writes these rows.

-- Every screening decision with the facts it was made on, so it can be explained later and replayed by a dry-run
-- against other rules. A decision is marked collected when its payment's money arrived: the shipper's history (how
-- much it usually pays, which cards it paid with) is read from collected decisions.
CREATE TABLE fraud_decisions (
    id                  UUID PRIMARY KEY,
    occurred_at         TIMESTAMPTZ NOT NULL,
    stage               TEXT        NOT NULL CHECK (stage IN ('BEFORE_CONFIRMATION', 'AFTER_AUTHORIZATION', 'LATER')),
    payment_request_id  UUID        NOT NULL,
    attempt_id          UUID,
    carrier_id          UUID        NOT NULL,
    shipper_id          UUID        NOT NULL,
    amount_minor        BIGINT      NOT NULL,
    currency            CHAR(3)     NOT NULL,
    card_fingerprint    TEXT,
    decision            TEXT        NOT NULL CHECK (decision IN ('ALLOW', 'REQUEST_3DS', 'REVIEW', 'BLOCK')),
    hold_payout         BOOLEAN     NOT NULL,
    deciding_rule       TEXT,
    explanations        JSONB       NOT NULL,
    facts               JSONB       NOT NULL,
    collected_at        TIMESTAMPTZ
);
CREATE INDEX fraud_decisions_time ON fraud_decisions (occurred_at DESC);
CREATE INDEX fraud_decisions_request ON fraud_decisions (payment_request_id);
CREATE INDEX fraud_decisions_shipper_history ON fraud_decisions (shipper_id, currency, collected_at)
    WHERE collected_at IS NOT NULL;
ALTER TABLE fraud_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_decisions FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_decisions USING (fg_system_scope()) WITH CHECK (fg_system_scope());

-- Block, watch and trust lists: a value (a card fingerprint, an IP address, a device, a pay link, a shipper) on a
-- list, with why, who put it there and until when (none: until removed).
CREATE TABLE fraud_list_entries (
    id          UUID PRIMARY KEY,
    list        TEXT        NOT NULL CHECK (list IN ('BLOCK', 'WATCH', 'TRUST')),
    kind        TEXT        NOT NULL CHECK (kind IN ('CARD', 'IP', 'DEVICE', 'PAY_LINK', 'SHIPPER')),
    value       TEXT        NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    reason      TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ,
    UNIQUE (list, kind, value),
    CHECK ((list = 'TRUST') = (kind = 'SHIPPER'))
);
ALTER TABLE fraud_list_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_list_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_list_entries USING (fg_system_scope()) WITH CHECK (fg_system_scope());
