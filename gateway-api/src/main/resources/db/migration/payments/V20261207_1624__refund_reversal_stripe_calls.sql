-- A refund's reversal of the carrier's share and its restore point to their Stripe calls (stripe_calls, issue 18).
-- Those whose outcome is open when this runs become open calls, so the one janitor settles them (looked up first).
ALTER TABLE transfer_refund_reversals ADD COLUMN call_id UUID REFERENCES stripe_calls (id);
ALTER TABLE transfer_refund_reversals ADD COLUMN restore_call_id UUID REFERENCES stripe_calls (id);

INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, detail, sends, checks,
                          intended_at, last_sent_at, decided_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'transfer.refund-reversal', refund_id::text, idempotency_key,
       CASE status WHEN 'DONE' THEN 'APPROVED' WHEN 'FAILED' THEN 'DECLINED' ELSE 'UNKNOWN' END,
       last_error, 1, 0, created_at, created_at,
       CASE WHEN status IN ('DONE', 'FAILED') THEN updated_at END, now(), now()
  FROM transfer_refund_reversals
 WHERE idempotency_key NOT LIKE 'fg-refund-deducted-%'
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE transfer_refund_reversals r SET call_id = c.id
  FROM stripe_calls c
 WHERE c.operation = 'transfer.refund-reversal' AND c.idempotency_key = r.idempotency_key;

INSERT INTO stripe_calls (id, tenant_id, operation, business_key, idempotency_key, outcome, detail, sends, checks,
                          intended_at, last_sent_at, decided_at, next_check_at, updated_at)
SELECT gen_random_uuid(), tenant_id, 'transfer.refund-restore', refund_id::text, restore_key,
       CASE restore_status WHEN 'DONE' THEN 'APPROVED' WHEN 'FAILED' THEN 'DECLINED' ELSE 'UNKNOWN' END,
       restore_error, 1, 0, updated_at, updated_at,
       CASE WHEN restore_status IN ('DONE', 'FAILED') THEN updated_at END, now(), now()
  FROM transfer_refund_reversals
 WHERE restore_key IS NOT NULL
ON CONFLICT (operation, idempotency_key) DO NOTHING;
UPDATE transfer_refund_reversals r SET restore_call_id = c.id
  FROM stripe_calls c
 WHERE c.operation = 'transfer.refund-restore' AND c.idempotency_key = r.restore_key;
