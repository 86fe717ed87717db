-- Password-reset tokens, mailed to the user: only their SHA-256 is stored. Single use (the row is deleted when the
-- password is set, and a new request deletes the user's older ones), valid for freightgate.security.password-reset
-- .validity (30 minutes by default).
CREATE TABLE password_resets (
    token_hash  BYTEA       PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id   UUID        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX password_resets_user ON password_resets (user_id);
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON password_resets
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
