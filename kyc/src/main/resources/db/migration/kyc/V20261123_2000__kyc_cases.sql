-- KYC/KYB: one case per organization, its documents, commercial references and history, VIES consultations
-- (the proof kept for the tax authority) and the operator's sanctions lists. Every tenant-owned table and its
-- Envers audit table is under forced row-level security with the platform's policy.

CREATE TABLE kyb_cases (
    id                  UUID PRIMARY KEY,
    tenant_id           UUID        NOT NULL UNIQUE,
    organization_kind   TEXT        NOT NULL CHECK (organization_kind IN ('CARRIER', 'SHIPPER')),
    legal_name          TEXT        NOT NULL,
    country             CHAR(2)     NOT NULL,
    representative_name BYTEA       NOT NULL,
    state               TEXT        NOT NULL CHECK (state IN ('COLLECTING', 'IN_REVIEW', 'RESUBMISSION_REQUESTED',
                                                              'VERIFIED', 'REVERIFICATION', 'REJECTED')),
    state_reason        TEXT,
    screening           TEXT        NOT NULL CHECK (screening IN ('NOT_SCREENED', 'UNAVAILABLE', 'CLEAR', 'HIT',
                                                                  'HIT_DISMISSED')),
    screening_matches   TEXT,
    screened_at         TIMESTAMPTZ,
    vat_country         TEXT,
    vat_number          TEXT,
    vat_status          TEXT        NOT NULL CHECK (vat_status IN ('NOT_PROVIDED', 'NOT_CHECKED', 'VALID', 'INVALID',
                                                                  'UNKNOWN')),
    vat_checked_at      TIMESTAMPTZ,
    vat_next_check_at   TIMESTAMPTZ,
    vat_attempts        INT         NOT NULL DEFAULT 0,
    vat_consultation_id UUID,
    vat_operator_alert  BOOLEAN     NOT NULL DEFAULT false,
    opened_at           TIMESTAMPTZ NOT NULL,
    submitted_at        TIMESTAMPTZ,
    verified_at         TIMESTAMPTZ,
    version             BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX kyb_cases_state_idx ON kyb_cases (state);
CREATE INDEX kyb_cases_vat_due_idx ON kyb_cases (vat_next_check_at) WHERE vat_next_check_at IS NOT NULL;
ALTER TABLE kyb_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE kyb_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kyb_cases
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE kyb_cases_aud (
    id                  UUID     NOT NULL,
    rev                 BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype             SMALLINT NOT NULL,
    tenant_id           UUID,
    organization_kind   TEXT,
    legal_name          TEXT,
    country             CHAR(2),
    representative_name BYTEA,
    state               TEXT,
    state_reason        TEXT,
    screening           TEXT,
    screening_matches   TEXT,
    screened_at         TIMESTAMPTZ,
    vat_country         TEXT,
    vat_number          TEXT,
    vat_status          TEXT,
    vat_checked_at      TIMESTAMPTZ,
    vat_next_check_at   TIMESTAMPTZ,
    vat_attempts        INT,
    vat_consultation_id UUID,
    vat_operator_alert  BOOLEAN,
    opened_at           TIMESTAMPTZ,
    submitted_at        TIMESTAMPTZ,
    verified_at         TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE kyb_cases_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE kyb_cases_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kyb_cases_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Documents of a case; the file itself is in the DocumentStore (documents table), encrypted.
CREATE TABLE kyb_case_documents (
    id               UUID PRIMARY KEY,
    tenant_id        UUID        NOT NULL,
    case_id          UUID        NOT NULL REFERENCES kyb_cases (id),
    kind             TEXT        NOT NULL,
    document_id      UUID        NOT NULL,
    content_type     TEXT        NOT NULL,
    size_bytes       BIGINT      NOT NULL,
    sha256           BYTEA       NOT NULL,
    expires_on       DATE,
    status           TEXT        NOT NULL CHECK (status IN ('CURRENT', 'SUPERSEDED')),
    uploaded_at      TIMESTAMPTZ NOT NULL,
    uploaded_by      TEXT        NOT NULL,
    expiry_warned_at TIMESTAMPTZ
);
CREATE INDEX kyb_case_documents_case_idx ON kyb_case_documents (case_id);
CREATE INDEX kyb_case_documents_expiry_idx ON kyb_case_documents (expires_on) WHERE status = 'CURRENT';
ALTER TABLE kyb_case_documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE kyb_case_documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kyb_case_documents
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE kyb_case_documents_aud (
    id               UUID     NOT NULL,
    rev              BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype          SMALLINT NOT NULL,
    tenant_id        UUID,
    case_id          UUID,
    kind             TEXT,
    document_id      UUID,
    content_type     TEXT,
    size_bytes       BIGINT,
    sha256           BYTEA,
    expires_on       DATE,
    status           TEXT,
    uploaded_at      TIMESTAMPTZ,
    uploaded_by      TEXT,
    expiry_warned_at TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE kyb_case_documents_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE kyb_case_documents_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kyb_case_documents_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Commercial references; the contact (a person) is encrypted with the organization's data key.
CREATE TABLE kyb_case_references (
    id           UUID PRIMARY KEY,
    tenant_id    UUID        NOT NULL,
    case_id      UUID        NOT NULL REFERENCES kyb_cases (id),
    company      TEXT        NOT NULL,
    contact      BYTEA       NOT NULL,
    relationship TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('UNVERIFIED', 'CONFIRMED', 'NOT_CONFIRMED')),
    notes        TEXT,
    added_at     TIMESTAMPTZ NOT NULL,
    checked_at   TIMESTAMPTZ,
    checked_by   TEXT
);
CREATE INDEX kyb_case_references_case_idx ON kyb_case_references (case_id);
ALTER TABLE kyb_case_references ENABLE ROW LEVEL SECURITY;
ALTER TABLE kyb_case_references FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kyb_case_references
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

CREATE TABLE kyb_case_references_aud (
    id           UUID     NOT NULL,
    rev          BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype      SMALLINT NOT NULL,
    tenant_id    UUID,
    case_id      UUID,
    company      TEXT,
    contact      BYTEA,
    relationship TEXT,
    status       TEXT,
    notes        TEXT,
    added_at     TIMESTAMPTZ,
    checked_at   TIMESTAMPTZ,
    checked_by   TEXT,
    PRIMARY KEY (id, rev)
);
ALTER TABLE kyb_case_references_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE kyb_case_references_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kyb_case_references_aud
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- The case history as people read it: one row per step, append-only for the application.
CREATE TABLE kyb_case_history (
    id          UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    case_id     UUID        NOT NULL REFERENCES kyb_cases (id),
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    from_state  TEXT,
    to_state    TEXT        NOT NULL,
    detail      TEXT
);
CREATE INDEX kyb_case_history_case_idx ON kyb_case_history (case_id, occurred_at);
REVOKE UPDATE, DELETE ON kyb_case_history FROM ${app_role};
ALTER TABLE kyb_case_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE kyb_case_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kyb_case_history
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Every VIES consultation (and every answer served from the cache) as evidence: append-only.
CREATE TABLE vat_consultations (
    id                  UUID PRIMARY KEY,
    tenant_id           UUID        NOT NULL,
    country_code        TEXT        NOT NULL,
    vat_number          TEXT        NOT NULL,
    outcome             TEXT        NOT NULL CHECK (outcome IN ('VALID', 'INVALID', 'UNKNOWN', 'BAD_REQUEST')),
    fault               TEXT,
    detail              TEXT,
    request_date        DATE,
    trader_name         TEXT,
    trader_address      TEXT,
    consultation_number TEXT,
    raw_response        TEXT,
    requester           TEXT        NOT NULL,
    from_cache          BOOLEAN     NOT NULL DEFAULT false,
    checked_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX vat_consultations_tenant_idx ON vat_consultations (tenant_id, checked_at);
REVOKE UPDATE, DELETE ON vat_consultations FROM ${app_role};
ALTER TABLE vat_consultations ENABLE ROW LEVEL SECURITY;
ALTER TABLE vat_consultations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vat_consultations
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- Sanctions lists imported by an operator: platform data, not owned by a tenant. One list per source is active.
CREATE TABLE sanctions_lists (
    id          UUID PRIMARY KEY,
    source      TEXT        NOT NULL,
    format      TEXT        NOT NULL,
    sha256      BYTEA       NOT NULL,
    entry_count INT         NOT NULL,
    name_count  INT         NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL,
    imported_by TEXT        NOT NULL,
    active      BOOLEAN     NOT NULL
);
CREATE UNIQUE INDEX sanctions_lists_active_idx ON sanctions_lists (source) WHERE active;

CREATE TABLE sanctions_names (
    list_id    UUID NOT NULL REFERENCES sanctions_lists (id) ON DELETE CASCADE,
    entry_ref  TEXT NOT NULL,
    entry_kind TEXT NOT NULL,
    name       TEXT NOT NULL
);
CREATE INDEX sanctions_names_list_idx ON sanctions_names (list_id);
