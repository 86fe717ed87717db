-- Rule operations (issue 20): snoozes, feedback from disputes and early fraud warnings, per-rule hit rates.
-- Platform data like the rules: only the audited system path reads or writes these rows.

-- A decision keeps the payer's IP and device (feedback puts them on the watch list) and the names of every rule that
-- fired (hit rates). Decisions stored before this migration name no fired rule: hit rates count only their deciding one.
ALTER TABLE fraud_decisions
    ADD COLUMN ip_address  TEXT,
    ADD COLUMN device      TEXT,
    ADD COLUMN fired_rules TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX fraud_decisions_fired_rules ON fraud_decisions USING GIN (fired_rules);
CREATE INDEX fraud_decisions_card ON fraud_decisions (card_fingerprint) WHERE card_fingerprint IS NOT NULL;

-- One rule snoozed for one value (a shipper, a card fingerprint, a device, an IP) until a set time: the rule does not
-- fire for that value meanwhile. Ending a snooze early keeps the row, with who ended it and when.
CREATE TABLE fraud_rule_snoozes (
    id          UUID PRIMARY KEY,
    rule_id     UUID        NOT NULL REFERENCES fraud_rules (id),
    kind        TEXT        NOT NULL CHECK (kind IN ('SHIPPER', 'CARD', 'DEVICE', 'IP')),
    value       TEXT        NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    reason      TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    until       TIMESTAMPTZ NOT NULL,
    ended_by    TEXT,
    ended_at    TIMESTAMPTZ,
    CHECK (until > created_at),
    CHECK ((ended_by IS NULL) = (ended_at IS NULL))
);
CREATE INDEX fraud_rule_snoozes_value ON fraud_rule_snoozes (kind, value) WHERE ended_at IS NULL;
CREATE INDEX fraud_rule_snoozes_rule ON fraud_rule_snoozes (rule_id, created_at DESC);
ALTER TABLE fraud_rule_snoozes ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_rule_snoozes FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_rule_snoozes USING (fg_system_scope()) WITH CHECK (fg_system_scope());

-- Disputes and early fraud warnings on screened payments, once per source id, with the card, device and IP of the
-- payment's stored decision: what :card_has_disputes: and :card_has_early_fraud_warnings: read, and what per-rule hit
-- rates compare ALLOW decisions with.
CREATE TABLE fraud_feedback (
    id                  UUID PRIMARY KEY,
    source              TEXT        NOT NULL CHECK (source IN ('DISPUTE', 'EARLY_FRAUD_WARNING')),
    source_id           TEXT        NOT NULL CHECK (length(source_id) BETWEEN 1 AND 255),
    payment_request_id  UUID        NOT NULL,
    card_fingerprint    TEXT,
    device              TEXT,
    ip_address          TEXT,
    received_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX fraud_feedback_card ON fraud_feedback (card_fingerprint) WHERE card_fingerprint IS NOT NULL;
CREATE INDEX fraud_feedback_request ON fraud_feedback (payment_request_id);
ALTER TABLE fraud_feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_feedback FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_feedback USING (fg_system_scope()) WITH CHECK (fg_system_scope());
