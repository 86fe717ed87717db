-- A refund that fails after the carrier's share was taken back for it sends that share to the carrier again: one
-- transfer per such refund (idempotency key fg-refund-restore-{refund}), recorded before Stripe is called and repeated
-- by the transfer retry job while its outcome is unknown.
ALTER TABLE transfer_refund_reversals
    ADD COLUMN restore_status             TEXT CHECK (restore_status IN ('PENDING', 'UNKNOWN', 'DONE', 'FAILED')),
    ADD COLUMN restore_key                TEXT UNIQUE,
    ADD COLUMN stripe_restore_transfer_id TEXT,
    ADD COLUMN restore_error              TEXT;
CREATE INDEX transfer_refund_reversals_restores ON transfer_refund_reversals (restore_status)
    WHERE restore_status IN ('PENDING', 'UNKNOWN');
