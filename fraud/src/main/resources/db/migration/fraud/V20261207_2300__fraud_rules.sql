-- Fraud rules: the rules in force and their history. Platform data, not a tenant's: only the audited system path
-- (risk analysts acting on their grounds, screening on the gateway's own authority) reads or writes these rows.

CREATE TABLE fraud_rules (
    id            UUID PRIMARY KEY,
    name          TEXT        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    text          TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    action        TEXT        NOT NULL CHECK (action IN ('REQUEST_3DS', 'ALLOW', 'BLOCK', 'REVIEW', 'HOLD_PAYOUT')),
    state         TEXT        NOT NULL CHECK (state IN ('DRAFT', 'AWAITING_APPROVAL', 'ENABLED', 'DISABLED')),
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    requested_by  TEXT,
    updated_by    TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fraud_rules_request CHECK ((state = 'AWAITING_APPROVAL') = (requested_by IS NOT NULL))
);
ALTER TABLE fraud_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_rules USING (fg_system_scope()) WITH CHECK (fg_system_scope());

CREATE TABLE fraud_rules_aud (
    id            UUID     NOT NULL,
    rev           BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype       SMALLINT,
    name          TEXT,
    text          TEXT,
    action        TEXT,
    state         TEXT,
    created_by    TEXT,
    created_at    TIMESTAMPTZ,
    requested_by  TEXT,
    updated_by    TEXT,
    updated_at    TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE fraud_rules_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE fraud_rules_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON fraud_rules_aud USING (fg_system_scope()) WITH CHECK (fg_system_scope());
