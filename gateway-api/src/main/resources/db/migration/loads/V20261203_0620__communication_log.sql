-- The communication log of a load: every message (API, e-mail, system events) in a hash chain. Each entry carries the
-- SHA-256 of the previous entry's hash and its own canonical fields, so any edit, deletion or reordering breaks the
-- chain. Append-only: the application role may not update or delete, and a trigger refuses it for everybody else.
CREATE TABLE communication_log (
    load_id                  UUID             NOT NULL REFERENCES loads (id),
    seq                      BIGINT           NOT NULL CHECK (seq >= 1),
    tenant_id                UUID             NOT NULL,
    shipper_id               UUID             NOT NULL,
    occurred_at              TIMESTAMPTZ      NOT NULL,
    channel                  TEXT             NOT NULL CHECK (channel IN ('API', 'EMAIL', 'SYSTEM')),
    author                   TEXT             NOT NULL,
    subject                  TEXT             NOT NULL DEFAULT '',
    body                     TEXT             NOT NULL,
    previous_hash            CHAR(64)         NOT NULL,
    hash                     CHAR(64)         NOT NULL,
    PRIMARY KEY (load_id, seq)
);
ALTER TABLE communication_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE communication_log FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON communication_log
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());
REVOKE UPDATE, DELETE, TRUNCATE ON communication_log FROM ${app_role};

CREATE FUNCTION loads_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'communication_log is append-only: corrections are new entries'; END $$;
CREATE TRIGGER communication_log_append_only
    BEFORE UPDATE OR DELETE ON communication_log
    FOR EACH ROW EXECUTE FUNCTION loads_refuse_change();
