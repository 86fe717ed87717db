-- Devices (issue 21): which device id (a keyed hash of browser attributes, never the attributes) was seen with which
-- organization (and, at a login, which user), when first and last, how often. Platform data: only the audited system
-- path reads or writes these rows. Rows not seen for freightgate.fraud.devices.retention (13 months) are purged.
CREATE TABLE fraud_device_sightings (
    device_id       TEXT        NOT NULL CHECK (device_id ~ '^dev_[0-9a-f]{32}$'),
    organization_id UUID        NOT NULL,
    user_id         UUID,
    context         TEXT        NOT NULL CHECK (context IN ('PAYMENT', 'LOGIN')),
    admin           BOOLEAN     NOT NULL,
    -- at its first sighting, the device was new for an organization (a payment) or a user (a login) that had been
    -- seen with another device before
    new_for_known   BOOLEAN     NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL,
    seen_count      BIGINT      NOT NULL CHECK (seen_count > 0)
);
CREATE UNIQUE INDEX fraud_device_sightings_key ON fraud_device_sightings
    (device_id, organization_id, context, COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX fraud_device_sightings_organization ON fraud_device_sightings (organization_id, context, first_seen_at);
CREATE INDEX fraud_device_sightings_user ON fraud_device_sightings (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX fraud_device_sightings_last_seen ON fraud_device_sightings (last_seen_at);
ALTER TABLE fraud_device_sightings ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_device_sightings FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_device_sightings USING (fg_system_scope()) WITH CHECK (fg_system_scope());

-- Carrier-side fraud: when a carrier's payout bank account changed (as payouts saw it at Stripe).
CREATE TABLE fraud_payout_account_changes (
    carrier_id      UUID        NOT NULL,
    bank_account    TEXT        NOT NULL CHECK (length(bank_account) BETWEEN 1 AND 200),
    changed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (carrier_id, bank_account)
);
CREATE INDEX fraud_payout_account_changes_time ON fraud_payout_account_changes (carrier_id, changed_at);
ALTER TABLE fraud_payout_account_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_payout_account_changes FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_payout_account_changes USING (fg_system_scope()) WITH CHECK (fg_system_scope());
