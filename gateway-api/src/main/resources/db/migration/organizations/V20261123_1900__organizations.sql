-- Organizations: FreightGate's tenants. tenant_id repeats id so that the same policy guards this table.
CREATE TABLE organizations (
    id                 UUID PRIMARY KEY,
    tenant_id          UUID        NOT NULL CHECK (tenant_id = id),
    type               TEXT        NOT NULL CHECK (type IN ('CARRIER', 'SHIPPER', 'PLATFORM')),
    legal_name         TEXT        NOT NULL,
    country            CHAR(2)     NOT NULL,
    vat_number         TEXT,
    contact_email      BYTEA,
    contact_email_hash BYTEA,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX organizations_contact_email_hash_idx ON organizations (contact_email_hash);
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE organizations_aud (
    id                 UUID     NOT NULL,
    rev                BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype            SMALLINT NOT NULL,
    tenant_id          UUID,
    type               TEXT,
    legal_name         TEXT,
    country            CHAR(2),
    vat_number         TEXT,
    contact_email      BYTEA,
    contact_email_hash BYTEA,
    created_at         TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE organizations_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- The platform operator exists from the start; its staff are FreightGate's own users.
SELECT set_config('app.scope', 'system', true);
INSERT INTO organizations (id, tenant_id, type, legal_name, country, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001', 'PLATFORM',
        'FreightGate Platform', 'DE', now());
