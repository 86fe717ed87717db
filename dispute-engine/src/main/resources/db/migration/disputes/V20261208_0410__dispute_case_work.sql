-- Dispute engine, part 1: a case links to its payment request, load, carrier and shipper, or to nothing (an orphan case:
-- a dispute on a charge FreightGate knows no payment for, seen only through the system scope); it knows the network,
-- the payment method, what response is possible, and the finance agent who owns it. Its history is audited (Envers),
-- and everything that happens to it is a line of its timeline, from which the notification feed is drawn.

ALTER TABLE dispute_cases
    ALTER COLUMN tenant_id DROP NOT NULL,
    ALTER COLUMN shipper_id DROP NOT NULL,
    ALTER COLUMN payment_intent_id DROP NOT NULL,
    ALTER COLUMN payment_request_id DROP NOT NULL,
    ADD COLUMN load_reference      TEXT,
    ADD COLUMN load_id             UUID,
    ADD COLUMN network             TEXT,
    ADD COLUMN payment_method_type TEXT,
    ADD COLUMN response            TEXT NOT NULL DEFAULT 'EVIDENCE_BY_DUE_DATE'
        CHECK (response IN ('EVIDENCE_BY_DUE_DATE', 'NO_RESPONSE_ALLOWED', 'NO_EVIDENCE_PROCESS')),
    ADD COLUMN owner_id            UUID,
    ADD CONSTRAINT dispute_cases_linked_or_orphan
        CHECK ((tenant_id IS NULL) = (payment_request_id IS NULL) AND (tenant_id IS NULL) = (shipper_id IS NULL)),
    ADD CONSTRAINT dispute_cases_reason
        CHECK (reason IN ('bank_cannot_process', 'check_returned', 'credit_not_processed', 'customer_initiated',
                          'debit_not_authorized', 'duplicate', 'fraudulent', 'general', 'incorrect_account_details',
                          'insufficient_funds', 'noncompliant', 'product_not_received', 'product_unacceptable',
                          'subscription_canceled', 'unrecognized'));
UPDATE dispute_cases SET response = 'NO_RESPONSE_ALLOWED' WHERE evidence_due_by IS NULL;
CREATE INDEX dispute_cases_deadline ON dispute_cases (evidence_due_by NULLS LAST, opened_at DESC);
CREATE INDEX dispute_cases_owner ON dispute_cases (owner_id) WHERE owner_id IS NOT NULL;

CREATE TABLE dispute_cases_aud (
    id                      UUID     NOT NULL,
    rev                     BIGINT   NOT NULL REFERENCES revinfo (id),
    revtype                 SMALLINT,
    tenant_id               UUID,
    shipper_id              UUID,
    stripe_dispute_id       TEXT,
    charge_id               TEXT,
    payment_intent_id       TEXT,
    payment_request_id      UUID,
    load_reference          TEXT,
    load_id                 UUID,
    status                  TEXT,
    amount_minor            BIGINT,
    currency                CHAR(3),
    reason                  TEXT,
    network                 TEXT,
    payment_method_type     TEXT,
    response                TEXT,
    evidence_due_by         TIMESTAMPTZ,
    funds_currency          CHAR(3),
    withdrawn_minor         BIGINT,
    withdrawal_fee_minor    BIGINT,
    reinstated_minor        BIGINT,
    reinstatement_fee_minor BIGINT,
    owner_id                UUID,
    opened_at               TIMESTAMPTZ,
    closed_at               TIMESTAMPTZ,
    updated_at              TIMESTAMPTZ,
    PRIMARY KEY (id, rev)
);
ALTER TABLE dispute_cases_aud ENABLE ROW LEVEL SECURITY;
ALTER TABLE dispute_cases_aud FORCE ROW LEVEL SECURITY;
CREATE POLICY system_only ON dispute_cases_aud USING (fg_system_scope()) WITH CHECK (fg_system_scope());

CREATE TABLE dispute_case_entries (
    id                UUID PRIMARY KEY,
    dispute_id        UUID        NOT NULL REFERENCES dispute_cases (id),
    stripe_dispute_id TEXT        NOT NULL,
    tenant_id         UUID,
    kind              TEXT        NOT NULL CHECK (kind IN ('OPENED', 'UPDATED', 'FUNDS_WITHDRAWN', 'FUNDS_REINSTATED',
                                                           'CLOSED', 'ORPHAN', 'ASSIGNED', 'NOTE', 'MAILED',
                                                           'UPLOAD_REQUESTED', 'UPLOAD_RECEIVED')),
    internal          BOOLEAN     NOT NULL,
    feed              BOOLEAN     NOT NULL,
    actor             TEXT        NOT NULL,
    text              TEXT        NOT NULL CHECK (length(text) <= 4000),
    at                TIMESTAMPTZ NOT NULL
);
CREATE INDEX dispute_case_entries_case ON dispute_case_entries (dispute_id, at);
CREATE INDEX dispute_case_entries_feed ON dispute_case_entries (at DESC) WHERE feed;
ALTER TABLE dispute_case_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE dispute_case_entries FORCE ROW LEVEL SECURITY;
-- The carrier's lines only (the shipper sees nothing of a case's work); orphan cases' lines only in the system scope.
CREATE POLICY carrier_only ON dispute_case_entries
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
-- The timeline is evidence of what was done when: appended to, never changed.
REVOKE UPDATE, DELETE, TRUNCATE ON dispute_case_entries FROM ${app_role};

-- A request to the carrier to upload what the evidence is missing (a signed POD...), through a single-use link that
-- needs no login: the token is shown once and stored only as its SHA-256; used_at is set when an upload claims it.
CREATE TABLE dispute_upload_requests (
    id           UUID PRIMARY KEY,
    dispute_id   UUID        NOT NULL REFERENCES dispute_cases (id),
    tenant_id    UUID        NOT NULL,
    load_id      UUID        NOT NULL,
    token_sha256 TEXT        NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    what         TEXT        NOT NULL CHECK (length(what) BETWEEN 1 AND 500),
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX dispute_upload_requests_case ON dispute_upload_requests (dispute_id, requested_at);
ALTER TABLE dispute_upload_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE dispute_upload_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY carrier_only ON dispute_upload_requests
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
