-- Idempotency records belong to the caller that made the request (user id or API client id), not to the whole
-- organization: one caller's key never replays another caller's answer.
-- Rows written before this change get the empty actor, which no authenticated caller has: they are never replayed
-- and the hourly clean-up removes them after the retention.
ALTER TABLE idempotency_records ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE idempotency_records ALTER COLUMN actor DROP DEFAULT;
ALTER TABLE idempotency_records
    ADD CONSTRAINT idempotency_records_actor_present CHECK (actor <> '') NOT VALID;
ALTER TABLE idempotency_records DROP CONSTRAINT idempotency_records_pkey;
ALTER TABLE idempotency_records ADD PRIMARY KEY (tenant_id, actor, idempotency_key);
