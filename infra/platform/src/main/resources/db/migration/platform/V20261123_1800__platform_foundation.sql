-- FreightGate platform schema. Flyway runs as the schema owner; the application connects as ${app_role},
-- which gets data access only and can neither bypass nor disable row-level security.

GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- The tenant of the running transaction, set by the application with set_config('app.tenant_id', ?, true).
-- An unset or empty setting yields NULL, which matches no row.
CREATE FUNCTION fg_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- True inside the audited system path (platform staff across tenants, webhook processing, batch jobs),
-- set with set_config('app.scope', 'system', true) for one transaction.
CREATE FUNCTION fg_system_scope() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(current_setting('app.scope', true), '') = 'system' $$;

-- Hibernate Envers revisions: who changed what, for which tenant, from where, in which request.
CREATE TABLE revinfo (
    id            BIGSERIAL PRIMARY KEY,
    revision_time BIGINT      NOT NULL,
    actor         TEXT,
    tenant_id     UUID,
    system_scope  BOOLEAN     NOT NULL DEFAULT false,
    client_ip     TEXT,
    request_id    TEXT
);
ALTER TABLE revinfo ENABLE ROW LEVEL SECURITY;
ALTER TABLE revinfo FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON revinfo
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Every entry into the system path, with its reason.
CREATE TABLE system_access_log (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    request_id  TEXT,
    client_ip   TEXT
);
REVOKE UPDATE, DELETE ON system_access_log FROM ${app_role};

-- Envelope encryption: one data key per subject (organization, user), wrapped by a master key held outside
-- the database. Destroying the key (wrapped_key NULL) makes the subject's data unreadable everywhere.
CREATE TABLE subject_keys (
    subject_id    UUID PRIMARY KEY,
    tenant_id     UUID        NOT NULL,
    master_key_id TEXT,
    wrapped_key   BYTEA,
    created_at    TIMESTAMPTZ NOT NULL,
    destroyed_at  TIMESTAMPTZ,
    CONSTRAINT subject_keys_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
ALTER TABLE subject_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE subject_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON subject_keys
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Files (POD, photos, KYB documents, evidence PDFs), encrypted with the subject's data key.
CREATE TABLE documents (
    id           UUID PRIMARY KEY,
    tenant_id    UUID        NOT NULL,
    subject_id   UUID        NOT NULL,
    purpose      TEXT        NOT NULL,
    file_name    BYTEA       NOT NULL,
    content_type TEXT        NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    sha256       BYTEA       NOT NULL,
    content      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX documents_subject_idx ON documents (tenant_id, subject_id);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON documents
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Idempotency-Key records: the first response per (tenant, key), kept at least 24 hours.
CREATE TABLE idempotency_records (
    tenant_id            UUID        NOT NULL,
    idempotency_key      TEXT        NOT NULL,
    fingerprint          BYTEA       NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
    locked_until         TIMESTAMPTZ NOT NULL,
    response_status      INT,
    response_content_type TEXT,
    response_location    TEXT,
    response_body        BYTEA,
    created_at           TIMESTAMPTZ NOT NULL,
    completed_at         TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at);
ALTER TABLE idempotency_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_records FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_records
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Stripe webhook inbox: one row per (endpoint, event), written before the 2xx answer. The tenant is not known
-- at intake; processing finds it through the system path.
CREATE TABLE webhook_inbox (
    id              BIGSERIAL PRIMARY KEY,
    endpoint        TEXT        NOT NULL,
    event_id        TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    account_id      TEXT,
    api_version     TEXT,
    event_created   TIMESTAMPTZ NOT NULL,
    payload         JSONB       NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    received_at     TIMESTAMPTZ NOT NULL,
    processed_at    TIMESTAMPTZ,
    CONSTRAINT webhook_inbox_event_unique UNIQUE (endpoint, event_id)
);
CREATE INDEX webhook_inbox_pending_idx ON webhook_inbox (status, next_attempt_at);

-- Jobs that run once across instances (ShedLock).
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
