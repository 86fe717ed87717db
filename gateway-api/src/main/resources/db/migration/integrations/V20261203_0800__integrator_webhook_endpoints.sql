-- Integrator webhooks: endpoints that carriers and shippers register to receive FreightGate's own events. Owned by the
-- organization's tenant (row-level security). The signing secret is stored encrypted with the endpoint's own data key
-- (envelope encryption, subject = the endpoint id): it must be readable to sign, and destroying the key when the
-- endpoint is deleted makes it unreadable everywhere. During a rotation the previous secret keeps signing until
-- previous_secret_expires_at. Deleted endpoints are kept (deleted_at) so that their delivery log stays readable to
-- the organization's auditors through the database; the API no longer shows them.
CREATE TABLE integration_endpoints (
    id                          UUID PRIMARY KEY,
    tenant_id                   UUID        NOT NULL,
    url                         TEXT        NOT NULL,
    description                 TEXT,
    event_types                 TEXT[]      NOT NULL,
    enabled                     BOOLEAN     NOT NULL DEFAULT true,
    secret_ciphertext           BYTEA,
    previous_secret_ciphertext  BYTEA,
    previous_secret_expires_at  TIMESTAMPTZ,
    created_by                  TEXT        NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL,
    updated_at                  TIMESTAMPTZ NOT NULL,
    deleted_at                  TIMESTAMPTZ,
    version                     BIGINT      NOT NULL DEFAULT 0,
    CHECK (cardinality(event_types) > 0),
    CHECK (deleted_at IS NOT NULL OR secret_ciphertext IS NOT NULL)
);
CREATE INDEX integration_endpoints_tenant ON integration_endpoints (tenant_id, created_at) WHERE deleted_at IS NULL;
ALTER TABLE integration_endpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_endpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_endpoints
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
