-- People who log in: back-office staff of the platform and users of carriers and shippers. Email, display name and
-- TOTP secret are encrypted with the user's own data key (subject = user id); the email's keyed hash finds the user
-- at login. Passwords and recovery codes are stored only as password hashes.
CREATE TABLE users (
    id                        UUID PRIMARY KEY,
    tenant_id                 UUID        NOT NULL,
    email_ciphertext          BYTEA       NOT NULL,
    email_hash                BYTEA       NOT NULL UNIQUE,
    display_name_ciphertext   BYTEA       NOT NULL,
    password_hash             TEXT,
    roles                     TEXT        NOT NULL,
    status                    TEXT        NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED')),
    failed_attempts           INTEGER     NOT NULL DEFAULT 0,
    locked_until              TIMESTAMPTZ,
    totp_secret_ciphertext    BYTEA,
    totp_enabled              BOOLEAN     NOT NULL DEFAULT FALSE,
    totp_last_step            BIGINT,
    recovery_codes            TEXT,
    invitation_token_hash     BYTEA UNIQUE,
    invitation_expires_at     TIMESTAMPTZ,
    created_at                TIMESTAMPTZ NOT NULL,
    version                   BIGINT      NOT NULL DEFAULT 0
);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE users_aud (
    id                        UUID     NOT NULL,
    rev                       BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype                   SMALLINT NOT NULL,
    tenant_id                 UUID,
    email_ciphertext          BYTEA,
    email_hash                BYTEA,
    display_name_ciphertext   BYTEA,
    password_hash             TEXT,
    roles                     TEXT,
    status                    TEXT,
    failed_attempts           INTEGER,
    locked_until              TIMESTAMPTZ,
    totp_secret_ciphertext    BYTEA,
    totp_enabled              BOOLEAN,
    totp_last_step            BIGINT,
    recovery_codes            TEXT,
    invitation_token_hash     BYTEA,
    invitation_expires_at     TIMESTAMPTZ,
    created_at                TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE users_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE users_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON users_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Login failures, lockouts and unlocks, append-only. tenant_id is NULL for attempts on unknown emails.
CREATE TABLE security_events (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    tenant_id   UUID,
    user_id     UUID,
    type        TEXT        NOT NULL,
    reason      TEXT,
    client_ip   TEXT,
    actor       TEXT
);
REVOKE UPDATE, DELETE ON security_events FROM ${app_role};
ALTER TABLE security_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON security_events
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Refresh tokens already exchanged (SHA-256 of the value) and the authorization they belonged to: presenting one
-- again is reuse, and ends that authorization. System table, like the authorization server's own.
CREATE TABLE refresh_token_rotations (
    token_hash       BYTEA       PRIMARY KEY,
    authorization_id VARCHAR(100) NOT NULL,
    rotated_at       TIMESTAMPTZ NOT NULL
);
