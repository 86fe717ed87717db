-- Loads: a carrier's shipment for a shipper, with its pickup and delivery stop (address and coordinates given by the
-- carrier or shipper; no geocoding), planned and actual times and the assigned driver (a user id). Owned by the
-- carrier's tenant and visible to the shipper: the row-level policy lets either party's tenant see the row, nobody
-- else's. Audited by Envers.
CREATE TABLE loads (
    id                     UUID PRIMARY KEY,
    tenant_id              UUID             NOT NULL,
    shipper_id             UUID             NOT NULL,
    load_number            TEXT             NOT NULL,
    bol_number             TEXT,
    cmr_number             TEXT,
    pickup_address         TEXT             NOT NULL,
    pickup_lat             DOUBLE PRECISION NOT NULL CHECK (pickup_lat BETWEEN -90 AND 90),
    pickup_lon             DOUBLE PRECISION NOT NULL CHECK (pickup_lon BETWEEN -180 AND 180),
    pickup_planned_at      TIMESTAMPTZ      NOT NULL,
    pickup_arrived_at      TIMESTAMPTZ,
    pickup_departed_at     TIMESTAMPTZ,
    delivery_address       TEXT             NOT NULL,
    delivery_lat           DOUBLE PRECISION NOT NULL CHECK (delivery_lat BETWEEN -90 AND 90),
    delivery_lon           DOUBLE PRECISION NOT NULL CHECK (delivery_lon BETWEEN -180 AND 180),
    delivery_planned_at    TIMESTAMPTZ      NOT NULL,
    delivery_arrived_at    TIMESTAMPTZ,
    delivery_departed_at   TIMESTAMPTZ,
    driver_user_id         TEXT,
    status                 TEXT             NOT NULL CHECK (status IN ('PLANNED', 'DELIVERED', 'CANCELED')),
    delivered_at           TIMESTAMPTZ,
    created_by             TEXT             NOT NULL,
    created_at             TIMESTAMPTZ      NOT NULL,
    updated_at             TIMESTAMPTZ      NOT NULL,
    version                BIGINT           NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, load_number),
    CHECK (delivery_planned_at >= pickup_planned_at)
);
CREATE INDEX loads_tenant ON loads (tenant_id, created_at DESC);
CREATE INDEX loads_shipper ON loads (shipper_id, created_at DESC);
CREATE INDEX loads_driver ON loads (driver_user_id) WHERE driver_user_id IS NOT NULL;
ALTER TABLE loads ENABLE ROW LEVEL SECURITY;
ALTER TABLE loads FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON loads
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE loads_aud (
    id                     UUID     NOT NULL,
    rev                    BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype                SMALLINT NOT NULL,
    tenant_id              UUID,
    shipper_id             UUID,
    load_number            TEXT,
    bol_number             TEXT,
    cmr_number             TEXT,
    pickup_address         TEXT,
    pickup_lat             DOUBLE PRECISION,
    pickup_lon             DOUBLE PRECISION,
    pickup_planned_at      TIMESTAMPTZ,
    pickup_arrived_at      TIMESTAMPTZ,
    pickup_departed_at     TIMESTAMPTZ,
    delivery_address       TEXT,
    delivery_lat           DOUBLE PRECISION,
    delivery_lon           DOUBLE PRECISION,
    delivery_planned_at    TIMESTAMPTZ,
    delivery_arrived_at    TIMESTAMPTZ,
    delivery_departed_at   TIMESTAMPTZ,
    driver_user_id         TEXT,
    status                 TEXT,
    delivered_at           TIMESTAMPTZ,
    created_by             TEXT,
    created_at             TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE loads_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE loads_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON loads_aud
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());
