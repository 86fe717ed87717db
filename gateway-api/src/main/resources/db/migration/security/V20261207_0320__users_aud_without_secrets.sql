-- Secrets are never audited (issue 16): the audit history of users keeps no password hash, recovery-code hash, TOTP
-- secret or invitation-token hash (User marks them @NotAudited). The values already there are erased, then the
-- columns go.
SELECT set_config('app.scope', 'system', true);

UPDATE users_aud
SET password_hash = NULL, recovery_codes = NULL, totp_secret_ciphertext = NULL, invitation_token_hash = NULL;

ALTER TABLE users_aud
    DROP COLUMN password_hash,
    DROP COLUMN recovery_codes,
    DROP COLUMN totp_secret_ciphertext,
    DROP COLUMN invitation_token_hash;

-- Recovery codes of the old form (40 random bits, unsalted SHA-256, and copied into users_aud) are withdrawn: they
-- could be searched from any copy of the database. The new form (RecoveryCodes: 100 bits, salt.hash) contains a dot.
UPDATE users SET recovery_codes = NULL WHERE recovery_codes IS NOT NULL AND recovery_codes NOT LIKE '%.%';
