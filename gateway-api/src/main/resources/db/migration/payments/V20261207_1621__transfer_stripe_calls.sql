-- Transfers point to their Stripe calls (stripe_calls, issue 18): call_id is the current send's call, reversal_call_id
-- the current full reversal's. The calls' outcomes live there, and the one janitor settles those whose answer was lost,
-- so the transfer's own retry counter goes.
ALTER TABLE transfers ADD COLUMN call_id UUID REFERENCES stripe_calls (id);
ALTER TABLE transfers ADD COLUMN reversal_call_id UUID REFERENCES stripe_calls (id);
ALTER TABLE transfers_aud ADD COLUMN call_id UUID;
ALTER TABLE transfers_aud ADD COLUMN reversal_call_id UUID;

-- Sends and reversals in flight when this runs become open calls, so the janitor settles them (looked up first).
INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, detail, sends, checks,
                          intended_at, last_sent_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'transfer.create', payment_request_id::text, idempotency_key, 'UNKNOWN',
       last_error, 1 + retry_count, 0, updated_at, updated_at, now(), now()
  FROM transfers WHERE status = 'SENDING' AND idempotency_key IS NOT NULL
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE transfers t SET call_id = c.id
  FROM stripe_calls c
 WHERE t.status = 'SENDING' AND c.operation = 'transfer.create' AND c.idempotency_key = t.idempotency_key;

INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, detail, sends, checks,
                          intended_at, last_sent_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'transfer.reversal', payment_request_id::text, reversal_key, 'UNKNOWN',
       last_error, 1 + retry_count, 0, updated_at, updated_at, now(), now()
  FROM transfers WHERE status = 'REVERSING' AND reversal_key IS NOT NULL
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE transfers t SET reversal_call_id = c.id
  FROM stripe_calls c
 WHERE t.status = 'REVERSING' AND c.operation = 'transfer.reversal' AND c.idempotency_key = t.reversal_key;

ALTER TABLE transfers DROP COLUMN retry_count;
ALTER TABLE transfers_aud DROP COLUMN retry_count;
