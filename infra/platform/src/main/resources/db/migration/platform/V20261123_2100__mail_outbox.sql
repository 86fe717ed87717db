-- Outgoing mail (io.freightgate.platform.notifications): written in the transaction of the change that causes it,
-- sent after commit by the mail relay, retried with backoff, given up after a number of attempts.
-- A system table: no tenant_id, written from any tenant's transaction, read only by the relay. Rows hold personal
-- data (the address, names in the bodies) in clear and are short-lived instead of encrypted: a sent mail's row is
-- deleted at once, a given-up row after freightgate.mail.given-up-retention (7 days by default).
CREATE TABLE mail_outbox (
    id              BIGSERIAL PRIMARY KEY,
    template        TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    text_body       TEXT        NOT NULL,
    html_body       TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'GAVE_UP')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    given_up_at     TIMESTAMPTZ,
    CONSTRAINT mail_outbox_given_up CHECK ((status = 'GAVE_UP') = (given_up_at IS NOT NULL))
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_given_up_idx ON mail_outbox (given_up_at) WHERE status = 'GAVE_UP';
