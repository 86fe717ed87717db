-- Refunds point to their Stripe call (stripe_calls, issue 18). Refunds whose answer was lost when this runs (UNKNOWN,
-- or PENDING without a Stripe refund) become open calls, so the one janitor settles them (looked up first).
ALTER TABLE payment_refunds ADD COLUMN call_id UUID REFERENCES stripe_calls (id);

INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, detail, sends, checks,
                          intended_at, last_sent_at, decided_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'refund.create', id::text, 'fg-refund-' || id,
       CASE WHEN outcome = 'UNKNOWN' OR (outcome = 'PENDING' AND stripe_refund_id IS NULL) THEN 'UNKNOWN'
            WHEN outcome = 'DECLINED' AND stripe_refund_id IS NULL THEN 'DECLINED'
            ELSE 'APPROVED' END,
       failure_message, 1, 0, created_at, created_at,
       CASE WHEN outcome = 'UNKNOWN' OR (outcome = 'PENDING' AND stripe_refund_id IS NULL) THEN NULL
            ELSE updated_at END,
       now(), now()
  FROM payment_refunds
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE payment_refunds r SET call_id = c.id
  FROM stripe_calls c
 WHERE c.operation = 'refund.create' AND c.idempotency_key = 'fg-refund-' || r.id;
UPDATE stripe_calls c SET stripe_object_id = r.stripe_refund_id
  FROM payment_refunds r
 WHERE c.operation = 'refund.create' AND c.id = r.call_id AND r.stripe_refund_id IS NOT NULL;
