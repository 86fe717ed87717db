-- The job that runs again a screening after authorization claimed and never recorded looks for SCREENING attempts
-- every few minutes: a partial index keeps that a look at the few rows in that state.
CREATE INDEX payment_attempts_authorization_screening ON payment_attempts (updated_at)
    WHERE authorization_verdict = 'SCREENING';
