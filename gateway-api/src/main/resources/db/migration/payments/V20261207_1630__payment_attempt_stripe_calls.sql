-- Payment attempts point to their Stripe calls (stripe_calls, issue 18): the PaymentIntent's creation, the capture of
-- an authorization and its cancel. The idempotency key and the reconciliation count move to the call (it carries the
-- key, its sends and the janitor's checks); the attempt keeps its business state (outcome, Stripe's status, decline),
-- which the pages read and webhooks move. Attempts whose PaymentIntent call was made become calls; those whose answer
-- was lost (UNKNOWN, or PENDING without a PaymentIntent) or that are still pending at Stripe are open calls, so the
-- one janitor settles them (looked up first).
ALTER TABLE payment_attempts ADD COLUMN call_id UUID REFERENCES stripe_calls (id);
ALTER TABLE payment_attempts ADD COLUMN capture_call_id UUID REFERENCES stripe_calls (id);
ALTER TABLE payment_attempts ADD COLUMN cancel_call_id UUID REFERENCES stripe_calls (id);

INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, stripe_object_id, detail,
                          sends, checks, intended_at, last_sent_at, decided_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'payment.create', id::text, idempotency_key,
       CASE WHEN outcome = 'UNKNOWN' OR (outcome = 'PENDING' AND stripe_payment_intent_id IS NULL) THEN 'UNKNOWN'
            ELSE outcome END,
       CASE WHEN outcome = 'APPROVED' THEN stripe_payment_intent_id END,
       failure_message, 1, reconcile_count, created_at, created_at,
       CASE WHEN outcome IN ('APPROVED', 'DECLINED', 'NOT_ATTEMPTED') THEN updated_at END,
       now(), now()
  FROM payment_attempts
 WHERE stripe_payment_method_id IS NOT NULL AND screening_verdict <> 'BLOCK'
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE payment_attempts a SET call_id = c.id
  FROM stripe_calls c
 WHERE c.operation = 'payment.create' AND c.idempotency_key = a.idempotency_key;

DROP INDEX IF EXISTS payment_attempts_unknown;
ALTER TABLE payment_attempts DROP COLUMN reconcile_count;
ALTER TABLE payment_attempts DROP COLUMN stripe_observed_at;
ALTER TABLE payment_attempts DROP COLUMN idempotency_key;
CREATE INDEX payment_attempts_call ON payment_attempts (call_id);
