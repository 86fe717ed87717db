-- Delivery evidence that is the carrier's word alone (unplaced, undated, dated before the pickup or in the future) is
-- recorded on the transfer with what it lacks; the release policy waits for a second signal while it is set (issue 16,
-- item 7). NULL: no evidence yet (delivery_confirmed_at NULL) or evidence that proves the delivery.
ALTER TABLE transfers ADD COLUMN delivery_wait TEXT;
ALTER TABLE transfers_aud ADD COLUMN delivery_wait TEXT;
