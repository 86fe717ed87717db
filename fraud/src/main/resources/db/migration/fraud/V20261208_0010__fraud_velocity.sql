-- Velocity (issue 21): the screening decisions before confirmation are what the velocity counters are recomputed
-- from when Redis is down (docs/fraud.md). A decision keeps the pay link it was made for, when its attempt was declined,
-- and where its counters came from.
ALTER TABLE fraud_decisions ADD COLUMN pay_link TEXT;
ALTER TABLE fraud_decisions ADD COLUMN declined_at TIMESTAMPTZ;
ALTER TABLE fraud_decisions ADD COLUMN velocity_source TEXT
    CHECK (velocity_source IN ('REDIS', 'POSTGRESQL', 'UNAVAILABLE'));

-- One index per dimension and time, so each recount reads one dimension's last week only.
CREATE INDEX fraud_decisions_velocity_shipper ON fraud_decisions (shipper_id, occurred_at DESC)
    WHERE stage = 'BEFORE_CONFIRMATION';
CREATE INDEX fraud_decisions_velocity_card ON fraud_decisions (card_fingerprint, occurred_at DESC)
    WHERE stage = 'BEFORE_CONFIRMATION' AND card_fingerprint IS NOT NULL;
CREATE INDEX fraud_decisions_velocity_ip ON fraud_decisions (ip_address, occurred_at DESC)
    WHERE stage = 'BEFORE_CONFIRMATION' AND ip_address IS NOT NULL;
CREATE INDEX fraud_decisions_velocity_device ON fraud_decisions (device, occurred_at DESC)
    WHERE stage = 'BEFORE_CONFIRMATION' AND device IS NOT NULL;
CREATE INDEX fraud_decisions_velocity_pay_link ON fraud_decisions (pay_link, occurred_at DESC)
    WHERE stage = 'BEFORE_CONFIRMATION' AND pay_link IS NOT NULL;
