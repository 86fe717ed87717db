-- Test only (the platform's own integration tests): two queue tables for WorkQueueIT, one a system table like the
-- webhook inbox, one a tenant table with row-level security like integration_delivery_queue.
CREATE TABLE queue_test_items (
    id         BIGSERIAL PRIMARY KEY,
    status     TEXT        NOT NULL,
    attempts   INTEGER     NOT NULL DEFAULT 0,
    due_at     TIMESTAMPTZ,
    last_error TEXT,
    handled_by TEXT
);

CREATE TABLE queue_test_tenant_items (
    id        BIGSERIAL PRIMARY KEY,
    tenant_id UUID        NOT NULL,
    due_at    TIMESTAMPTZ NOT NULL,
    claims    INTEGER     NOT NULL DEFAULT 0
);
ALTER TABLE queue_test_tenant_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE queue_test_tenant_items FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON queue_test_tenant_items
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
