-- An organization may require a second factor (TOTP) of all its people (issue 19). The column lives on the
-- organization's own row, so the row-level security policy of organizations guards it, and Envers keeps who changed it.
ALTER TABLE organizations ADD COLUMN second_factor_required BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE organizations_aud ADD COLUMN second_factor_required BOOLEAN;
