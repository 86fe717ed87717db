-- The double-entry ledger: where every cent is. Accounts per organization (tenant_id, NULL: the platform itself), currency and
-- kind; journals that always balance (a deferred trigger checks the sum of each journal's entries at commit); entries
-- written in the same transaction as the state change that causes them (docs/payments.md "Ledger").
--
-- Amounts are minor units of the journal's currency: a debit is positive, a credit negative. Entries on the two
-- Stripe balance kinds (PLATFORM_STRIPE_BALANCE, CARRIER_STRIPE_BALANCE) name the Stripe account (NULL: the platform)
-- and the Stripe object (ch_, py_, re_, tr_, trr_, pyr_, dp_, po_) whose balance transactions they mirror, so the
-- daily reconciliation can compare them with Stripe's balance transactions one source at a time.
--
-- Append-only: corrections are new journals. Readable and writable by the organization an entry concerns and in the
-- system scope (the platform's own accounts, tenant_id NULL, only there).
CREATE TABLE ledger_accounts (
    id              UUID        PRIMARY KEY,
    tenant_id UUID,
    currency        CHAR(3)     NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN (
                        'PLATFORM_STRIPE_BALANCE', 'STRIPE_FEES', 'PLATFORM_FEE_REVENUE', 'CARRIER_PAYABLE',
                        'DISPUTE_RESERVE', 'DISPUTE_LOSSES', 'CARRIER_STRIPE_BALANCE', 'CARRIER_TRANSFERS_RECEIVED',
                        'CARRIER_PAYOUTS_IN_TRANSIT', 'CARRIER_BANK')),
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT ledger_accounts_identity UNIQUE NULLS NOT DISTINCT (tenant_id, currency, kind)
);

CREATE TABLE ledger_journals (
    id                 UUID        PRIMARY KEY,
    reference          TEXT        NOT NULL UNIQUE,
    kind               TEXT        NOT NULL CHECK (kind IN (
                           'PAYMENT', 'STRIPE_FEE', 'REFUND', 'REFUND_FAILURE', 'TRANSFER', 'TRANSFER_REVERSAL',
                           'DISPUTE_WITHDRAWAL', 'DISPUTE_REINSTATEMENT', 'DISPUTE_LOST', 'PAYOUT', 'PAYOUT_PAID',
                           'PAYOUT_FAILURE')),
    currency           CHAR(3)     NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    tenant_id    UUID,
    payment_request_id UUID,
    description        TEXT        NOT NULL
);
CREATE INDEX ledger_journals_occurred ON ledger_journals (occurred_at);
CREATE INDEX ledger_journals_request ON ledger_journals (payment_request_id) WHERE payment_request_id IS NOT NULL;

CREATE TABLE ledger_entries (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    journal_id         UUID        NOT NULL REFERENCES ledger_journals (id),
    account_id         UUID        NOT NULL REFERENCES ledger_accounts (id),
    tenant_id    UUID,
    kind               TEXT        NOT NULL,
    currency           CHAR(3)     NOT NULL,
    amount_minor       BIGINT      NOT NULL CHECK (amount_minor <> 0),
    occurred_at        TIMESTAMPTZ NOT NULL,
    payment_request_id UUID,
    stripe_account     TEXT,
    stripe_source      TEXT,
    CHECK ((kind IN ('PLATFORM_STRIPE_BALANCE', 'CARRIER_STRIPE_BALANCE')) = (stripe_source IS NOT NULL))
);
CREATE INDEX ledger_entries_journal ON ledger_entries (journal_id);
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, occurred_at);
CREATE INDEX ledger_entries_occurred ON ledger_entries (occurred_at);
CREATE INDEX ledger_entries_source ON ledger_entries (stripe_source) WHERE stripe_source IS NOT NULL;

-- Each journal balances to zero and has one currency; checked when the transaction commits.
CREATE FUNCTION ledger_check_journal() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    total   NUMERIC;
    foreign_entries INTEGER;
BEGIN
    SELECT coalesce(sum(e.amount_minor), 0), count(*) FILTER (WHERE e.currency <> j.currency)
      INTO total, foreign_entries
      FROM ledger_entries e JOIN ledger_journals j ON j.id = e.journal_id
     WHERE e.journal_id = NEW.journal_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger journal % does not balance (sum %)', NEW.journal_id, total;
    END IF;
    IF foreign_entries > 0 THEN
        RAISE EXCEPTION 'ledger journal % mixes currencies', NEW.journal_id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ledger_entries_balance
    AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_check_journal();

CREATE FUNCTION ledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the ledger is append-only: corrections are new journals'; END $$;
CREATE TRIGGER ledger_journals_append_only
    BEFORE UPDATE OR DELETE ON ledger_journals
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_append_only
    BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON ledger_journals, ledger_entries FROM ${app_role};

ALTER TABLE ledger_journals ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_journals FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_journals
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
ALTER TABLE ledger_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_entries
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
ALTER TABLE ledger_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_accounts
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- The daily reconciliation of the ledger with Stripe's balance transactions: one run per day (and on demand), with
-- every difference found. A run that finds none says so (differences = 0).
CREATE TABLE reconciliation_runs (
    id                  UUID        PRIMARY KEY,
    day                 DATE        NOT NULL,
    status              TEXT        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    trigger             TEXT        NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    stripe_accounts     INTEGER     NOT NULL DEFAULT 0,
    balance_transactions INTEGER    NOT NULL DEFAULT 0,
    ledger_entries      INTEGER     NOT NULL DEFAULT 0,
    differences         INTEGER     NOT NULL DEFAULT 0,
    error               TEXT
);
CREATE INDEX reconciliation_runs_day ON reconciliation_runs (day, started_at);

CREATE TABLE reconciliation_differences (
    run_id         UUID    NOT NULL REFERENCES reconciliation_runs (id),
    seq            INTEGER NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('MISSING_IN_LEDGER', 'MISSING_AT_STRIPE', 'AMOUNT_DIFFERS')),
    stripe_account TEXT,
    stripe_source  TEXT    NOT NULL,
    currency       CHAR(3) NOT NULL,
    stripe_net_minor BIGINT NOT NULL,
    ledger_net_minor BIGINT NOT NULL,
    detail         TEXT    NOT NULL,
    PRIMARY KEY (run_id, seq)
);
