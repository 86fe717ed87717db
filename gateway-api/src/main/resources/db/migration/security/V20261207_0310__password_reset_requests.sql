-- Password-reset requests waiting for the reset worker (PasswordResetRequests): one row per request, committed before
-- the answer (202), so no request is lost or dropped however many arrive. The worker looks the address up, issues the
-- token, records the mail in mail_outbox and deletes the row in one transaction; a failure pushes not_before back.
-- Only the email's keyed hash is kept (as users.email_hash), no address. No tenant is known when a request arrives:
-- a system table, like refresh_token_rotations.
CREATE TABLE password_reset_requests (
    id           BIGSERIAL   PRIMARY KEY,
    email_hash   BYTEA       NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    not_before   TIMESTAMPTZ NOT NULL,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    request_id   TEXT,
    client_ip    TEXT
);
CREATE INDEX password_reset_requests_due ON password_reset_requests (not_before, id);
