-- The payment page's link (issue 16, item 9): a random token of 32 bytes instead of a keyed hash of the request id.
-- It is found by its SHA-256 (pay_token_hash), kept encrypted for the reminder mails (pay_token_ciphertext, envelope
-- encryption under the carrier's data key) and expires (pay_token_expires_at); a re-issued link replaces the hash, so
-- the old one stops working. Neither the hash nor the ciphertext is audited.
ALTER TABLE payment_requests
    ADD COLUMN pay_token_ciphertext BYTEA,
    ADD COLUMN pay_token_expires_at TIMESTAMPTZ;
ALTER TABLE payment_requests_aud
    ADD COLUMN pay_token_expires_at TIMESTAMPTZ,
    DROP COLUMN pay_token_hash;
-- Every link issued before was derived from the request id: revoke them all (an impossible hash, expired now). The
-- reminder job and POST /api/v1/payment-requests/{id}/payment-links issue new ones. Row-level security is forced on
-- the owner too: the update runs in the system scope of this transaction.
SELECT set_config('app.scope', 'system', true);
UPDATE payment_requests SET pay_token_hash = 'revoked:' || id::text, pay_token_expires_at = now();
