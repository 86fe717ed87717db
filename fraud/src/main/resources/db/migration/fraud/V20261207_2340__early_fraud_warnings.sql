-- Early fraud warnings (Stripe's radar.early_fraud_warning.*), applied once per warning: the payment they flag (mapped
-- from the PaymentIntent; null when FreightGate does not know it), what the rules in force made of them (hold_payout,
-- explanations) and where the proactive refund stands. Platform data: only the audited system path reaches it.
CREATE TABLE fraud_early_fraud_warnings (
    id                 TEXT PRIMARY KEY CHECK (id LIKE 'issfr\_%'),
    charge_id          TEXT        NOT NULL,
    payment_intent_id  TEXT,
    payment_request_id UUID,
    carrier_id         UUID,
    amount_minor       BIGINT,
    currency           CHAR(3),
    fraud_type         TEXT        NOT NULL,
    actionable         BOOLEAN     NOT NULL,
    hold_payout        BOOLEAN     NOT NULL,
    explanations       JSONB       NOT NULL,
    refund             TEXT        NOT NULL CHECK (refund IN ('RECOMMENDED', 'NOT_RECOMMENDED', 'REFUNDING', 'REFUNDED',
                                                              'UNCONFIRMED', 'HANDED_TO_DISPUTE', 'FAILED')),
    refund_detail      TEXT,
    stripe_created     TIMESTAMPTZ NOT NULL,
    received_at        TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX fraud_early_fraud_warnings_time ON fraud_early_fraud_warnings (received_at DESC);
CREATE INDEX fraud_early_fraud_warnings_request ON fraud_early_fraud_warnings (payment_request_id);
ALTER TABLE fraud_early_fraud_warnings ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_early_fraud_warnings FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_early_fraud_warnings USING (fg_system_scope()) WITH CHECK (fg_system_scope());
