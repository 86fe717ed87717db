-- What the evidence of a load's delivery is worth (issue 16, item 7): STRONG (placed and dated proof, the shipper's
-- confirmation, weak proof backed by a telematics arrival at the consignee) or WEAK (the carrier's unplaced, undated,
-- misdated proof alone: kept, but it releases no money without a second signal). Loads delivered before this was
-- weighed keep what they released: they count as STRONG from the source 'legacy'.
ALTER TABLE loads
    ADD COLUMN delivery_evidence        TEXT CHECK (delivery_evidence IN ('STRONG', 'WEAK')),
    ADD COLUMN delivery_weaknesses      TEXT,
    ADD COLUMN delivery_evidence_source TEXT;
ALTER TABLE loads_aud
    ADD COLUMN delivery_evidence        TEXT,
    ADD COLUMN delivery_weaknesses      TEXT,
    ADD COLUMN delivery_evidence_source TEXT;
-- Row-level security is forced on the owner too: the update runs in the system scope of this transaction.
SELECT set_config('app.scope', 'system', true);
UPDATE loads SET delivery_evidence = 'STRONG', delivery_evidence_source = 'legacy' WHERE status = 'DELIVERED';
