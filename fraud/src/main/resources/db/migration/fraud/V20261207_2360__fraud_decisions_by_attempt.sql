-- The screening after an authorization reads the attempt's screening before confirmation (its facts, and the card, IP
-- and device snoozes name) in the payer's thread: by attempt, not by a scan of every decision.
CREATE INDEX fraud_decisions_attempt ON fraud_decisions (attempt_id, stage) WHERE attempt_id IS NOT NULL;
