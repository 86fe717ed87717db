-- Payout accounts point to the Stripe call that creates their Connect account (stripe_calls, issue 18), and keep the
-- e-mail address the account was asked for, so that a send again (the janitor's, after a lost answer) carries the
-- parameters of the first. Accounts whose creation was in flight when this runs (CREATING or CREATION_UNKNOWN without a
-- Stripe account) become open calls: the one janitor looks them up first, among the platform's connected accounts by
-- their freightgate_payout_account metadata.
ALTER TABLE payout_accounts ADD COLUMN call_id UUID REFERENCES stripe_calls (id);
ALTER TABLE payout_accounts ADD COLUMN email TEXT;
ALTER TABLE payout_accounts_aud ADD COLUMN call_id UUID;
ALTER TABLE payout_accounts_aud ADD COLUMN email TEXT;

INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, detail, sends, checks,
                          intended_at, last_sent_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'account.create', id::text, 'fg-payout-account-' || id, 'UNKNOWN', last_error, 1,
       0, created_at, created_at, now(), now()
  FROM payout_accounts
 WHERE stripe_account_id IS NULL AND status IN ('CREATING', 'CREATION_UNKNOWN')
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE payout_accounts a SET call_id = c.id
  FROM stripe_calls c
 WHERE c.operation = 'account.create' AND c.idempotency_key = 'fg-payout-account-' || a.id;
