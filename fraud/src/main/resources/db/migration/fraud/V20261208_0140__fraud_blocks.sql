-- The block list of rate limiting (docs/fraud.md, "Block list"; ADR 0015): a key (an API client, a user, an address,
-- a pay link, a card) blocked for one action until a time, because it kept hitting its limit or kept failing (declined
-- payment attempts on a pay link: card testing). Redis holds the live entry with a TTL, checked before any bucket;
-- this table is its audit copy: who or what blocked which key, why, until when, and who lifted it early and why.
-- Platform data: only the audited system path reads or writes these rows.
CREATE TABLE fraud_blocks (
    id           UUID PRIMARY KEY,
    action       TEXT        NOT NULL CHECK (action ~ '^[a-z][a-z0-9-]{0,39}$'),
    kind         TEXT        NOT NULL CHECK (kind IN ('API_CLIENT', 'USER', 'IP', 'PAY_LINK', 'CARD')),
    value        TEXT        NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
    user_type    TEXT        NOT NULL CHECK (user_type IN ('CARRIER', 'SHIPPER', 'PLATFORM', 'ANONYMOUS')),
    cause        TEXT        NOT NULL CHECK (cause IN ('LIMIT_HITS', 'FAILURES')),
    reason       TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    blocked_by   TEXT        NOT NULL,
    blocked_at   TIMESTAMPTZ NOT NULL,
    until        TIMESTAMPTZ NOT NULL CHECK (until > blocked_at),
    lifted_at    TIMESTAMPTZ,
    lifted_by    TEXT,
    lift_reason  TEXT CHECK (length(lift_reason) BETWEEN 1 AND 500),
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL))
);
CREATE INDEX fraud_blocks_in_force ON fraud_blocks (action, kind, value, until) WHERE lifted_at IS NULL;
CREATE INDEX fraud_blocks_time ON fraud_blocks (blocked_at DESC);
ALTER TABLE fraud_blocks ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_blocks FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_blocks USING (fg_system_scope()) WITH CHECK (fg_system_scope());
