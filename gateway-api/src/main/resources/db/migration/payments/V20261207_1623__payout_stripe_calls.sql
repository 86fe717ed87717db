-- On-demand payouts point to their Stripe call (stripe_calls, issue 18). Payouts whose answer was lost when this runs
-- (REQUESTED or REQUEST_UNKNOWN without a Stripe payout) become open calls, so the one janitor settles them (looked up
-- first, among the connected account's payouts by their freightgate_payout metadata).
ALTER TABLE payouts ADD COLUMN call_id UUID REFERENCES stripe_calls (id);

INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, detail, sends, checks,
                          intended_at, last_sent_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'payout.create', id::text, idempotency_key, 'UNKNOWN', failure_message, 1, 0,
       created_at, created_at, now(), now()
  FROM payouts
 WHERE idempotency_key IS NOT NULL AND stripe_payout_id IS NULL AND status IN ('REQUESTED', 'REQUEST_UNKNOWN')
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE payouts p SET call_id = c.id
  FROM stripe_calls c
 WHERE c.operation = 'payout.create' AND c.idempotency_key = p.idempotency_key;
