-- Evidence about loads. Every table carries the load's carrier (tenant_id) and shipper, so that either party sees it
-- and nobody else does. Evidence is written once: corrections are new rows.

-- Proofs of delivery: the stored file (through the document store), who signed, when and where the uploader says,
-- what the photo's own metadata says (EXIF capture time, GPS position, orientation, dimensions) and how far that is
-- from the consignee and from the claimed time; flags name what looks suspicious.
CREATE TABLE delivery_confirmations (
    id                       UUID PRIMARY KEY,
    load_id                  UUID             NOT NULL REFERENCES loads (id),
    tenant_id                UUID             NOT NULL,
    shipper_id               UUID             NOT NULL,
    document_id              UUID             NOT NULL,
    content_type             TEXT             NOT NULL,
    size_bytes               BIGINT           NOT NULL,
    sha256                   TEXT             NOT NULL,
    signatory_name           TEXT             NOT NULL,
    claimed_at               TIMESTAMPTZ      NOT NULL,
    claimed_lat              DOUBLE PRECISION,
    claimed_lon              DOUBLE PRECISION,
    image_width              INTEGER,
    image_height             INTEGER,
    exif_captured_at         TIMESTAMPTZ,
    exif_lat                 DOUBLE PRECISION,
    exif_lon                 DOUBLE PRECISION,
    exif_orientation         INTEGER,
    distance_to_consignee_m  BIGINT,
    time_gap_seconds         BIGINT,
    flags                    TEXT             NOT NULL DEFAULT '',
    channel                  TEXT             NOT NULL CHECK (channel IN ('API', 'DRIVER_LINK')),
    uploaded_by              TEXT             NOT NULL,
    created_at               TIMESTAMPTZ      NOT NULL
);
CREATE INDEX delivery_confirmations_load ON delivery_confirmations (load_id, created_at);
ALTER TABLE delivery_confirmations ENABLE ROW LEVEL SECURITY;
ALTER TABLE delivery_confirmations FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON delivery_confirmations
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());
REVOKE UPDATE, DELETE ON delivery_confirmations FROM ${app_role};

-- Telematics position pings, as a provider's webhook sends them; arrival and departure are derived from them.
CREATE TABLE telematics_events (
    id                       UUID PRIMARY KEY,
    load_id                  UUID             NOT NULL REFERENCES loads (id),
    tenant_id                UUID             NOT NULL,
    shipper_id               UUID             NOT NULL,
    device_id                TEXT             NOT NULL,
    recorded_at              TIMESTAMPTZ      NOT NULL,
    lat                      DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                      DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180),
    speed_kmh                DOUBLE PRECISION,
    received_by              TEXT             NOT NULL,
    received_at              TIMESTAMPTZ      NOT NULL,
    UNIQUE (load_id, device_id, recorded_at)
);
CREATE INDEX telematics_events_load ON telematics_events (load_id, recorded_at);
ALTER TABLE telematics_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE telematics_events FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON telematics_events
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());
REVOKE UPDATE, DELETE ON telematics_events FROM ${app_role};

-- Documents of a load (rate confirmation, BOL, CMR, POD PDFs), stored through the document store; the text read from
-- them is kept so the suggestions can be shown again.
CREATE TABLE load_documents (
    id                       UUID PRIMARY KEY,
    load_id                  UUID             NOT NULL REFERENCES loads (id),
    tenant_id                UUID             NOT NULL,
    shipper_id               UUID             NOT NULL,
    kind                     TEXT             NOT NULL CHECK (kind IN ('RATE_CONFIRMATION', 'BOL', 'CMR', 'POD')),
    document_id              UUID             NOT NULL,
    file_name                TEXT             NOT NULL,
    extracted_text           TEXT             NOT NULL,
    uploaded_by              TEXT             NOT NULL,
    created_at               TIMESTAMPTZ      NOT NULL
);
CREATE INDEX load_documents_load ON load_documents (load_id, created_at);
ALTER TABLE load_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE load_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON load_documents
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());

-- Driver links: a short-lived link that opens one load's upload page on a phone. Only the SHA-256 of the token is
-- kept; the link expires.
CREATE TABLE load_driver_links (
    token_hash               TEXT PRIMARY KEY,
    load_id                  UUID             NOT NULL REFERENCES loads (id),
    tenant_id                UUID             NOT NULL,
    shipper_id               UUID             NOT NULL,
    expires_at               TIMESTAMPTZ      NOT NULL,
    created_by               TEXT             NOT NULL,
    created_at               TIMESTAMPTZ      NOT NULL
);
ALTER TABLE load_driver_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE load_driver_links FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_or_shipper ON load_driver_links
    USING (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR shipper_id = fg_current_tenant() OR fg_system_scope());
