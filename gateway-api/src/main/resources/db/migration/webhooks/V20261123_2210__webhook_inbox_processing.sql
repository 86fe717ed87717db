-- The inbox as the intake and its processor use it: the id of data.object (so handlers and operators can find every
-- event about one object), the states of docs/payments.md, and an index for operators listing by state.
ALTER TABLE webhook_inbox ADD COLUMN object_id TEXT;
ALTER TABLE webhook_inbox ADD CONSTRAINT webhook_inbox_status_check
    CHECK (status IN ('RECEIVED', 'PROCESSING', 'RETRYING', 'PROCESSED', 'IGNORED', 'PARKED'));
CREATE INDEX webhook_inbox_object_idx ON webhook_inbox (object_id);
-- Only events still to process are looked up by due time; the finished majority stays out of that index.
DROP INDEX webhook_inbox_pending_idx;
CREATE INDEX webhook_inbox_due_idx ON webhook_inbox (next_attempt_at, id)
    WHERE status IN ('RECEIVED', 'RETRYING', 'PROCESSING');
CREATE INDEX webhook_inbox_status_idx ON webhook_inbox (status, id);
