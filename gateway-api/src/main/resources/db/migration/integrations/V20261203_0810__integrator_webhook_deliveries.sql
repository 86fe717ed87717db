-- One delivery per event and subscribed endpoint, written in the transaction of the business change that caused the
-- event (an outbox). The payload is kept as the exact bytes that are signed and sent on every attempt.
CREATE TABLE integration_deliveries (
    id                  UUID PRIMARY KEY,
    tenant_id           UUID        NOT NULL,
    endpoint_id         UUID        NOT NULL REFERENCES integration_endpoints (id),
    event_id            UUID        NOT NULL,
    event_type          TEXT        NOT NULL,
    payload             TEXT        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED')),
    attempt_count       INTEGER     NOT NULL DEFAULT 0,
    series_attempts     INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ,
    last_status_code    INTEGER,
    last_error          TEXT,
    delivered_at        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT integration_deliveries_event_unique UNIQUE (endpoint_id, event_id)
);
CREATE INDEX integration_deliveries_endpoint ON integration_deliveries (endpoint_id, created_at DESC);
ALTER TABLE integration_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_deliveries
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Every attempt of a delivery: when, the HTTP status (none when no response came), how long it took, the start of the
-- receiver's answer, or why nothing was sent (an address the SSRF guard refused, a timeout). Append-only.
CREATE TABLE integration_delivery_attempts (
    id                  UUID PRIMARY KEY,
    tenant_id           UUID        NOT NULL,
    delivery_id         UUID        NOT NULL REFERENCES integration_deliveries (id),
    number              INTEGER     NOT NULL,
    attempted_at        TIMESTAMPTZ NOT NULL,
    status_code         INTEGER,
    duration_ms         BIGINT      NOT NULL,
    response_body       TEXT,
    error               TEXT,
    UNIQUE (delivery_id, number)
);
ALTER TABLE integration_delivery_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_delivery_attempts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_delivery_attempts
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
REVOKE UPDATE, DELETE ON integration_delivery_attempts FROM ${app_role};

-- The work queue of the delivery worker: ids and times only. Instances claim due rows with FOR UPDATE SKIP LOCKED
-- through fg_claim_integration_deliveries (V20261203_0820); a claim is a lease (due_at moves to the lease's end)
-- fenced by the claim counter, and each claimed delivery is then handled in its organization's own tenant scope, where
-- this policy lets the worker settle the queue entry.
CREATE TABLE integration_delivery_queue (
    delivery_id         UUID PRIMARY KEY REFERENCES integration_deliveries (id),
    tenant_id           UUID        NOT NULL,
    due_at              TIMESTAMPTZ NOT NULL,
    claims              INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX integration_delivery_queue_due ON integration_delivery_queue (due_at);
ALTER TABLE integration_delivery_queue ENABLE ROW LEVEL SECURITY;
ALTER TABLE integration_delivery_queue FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_delivery_queue
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
