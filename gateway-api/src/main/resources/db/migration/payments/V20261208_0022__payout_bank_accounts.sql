-- The bank accounts (Stripe external accounts) each carrier's connected account was seen with, from
-- account.external_account.created: a bank account added after the first is a payout bank account change, which
-- carrier-side fraud screening hears (docs/fraud.md, "Carrier-side fraud").
CREATE TABLE payout_bank_accounts (
    tenant_id         UUID        NOT NULL,
    stripe_account_id TEXT        NOT NULL,
    bank_account_id   TEXT        NOT NULL CHECK (length(bank_account_id) BETWEEN 1 AND 200),
    first_seen_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, bank_account_id)
);
ALTER TABLE payout_bank_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE payout_bank_accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payout_bank_accounts
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
