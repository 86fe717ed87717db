-- The delivery worker claims integration_delivery_queue through the platform's one work queue (WorkQueue, ADR 0007),
-- which widens the scope to the system scope for the claim statement exactly as this function did. The function is
-- no longer called; dropping it leaves WorkQueue the only code that claims work with FOR UPDATE SKIP LOCKED.
DROP FUNCTION fg_claim_integration_deliveries(TIMESTAMPTZ, TIMESTAMPTZ, INTEGER);
