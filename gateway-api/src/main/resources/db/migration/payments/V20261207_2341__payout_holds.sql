-- Payout holds (ADR 0014): while a carrier has any hold, its connected account pays out only manually. A hold is one
-- row per (carrier, reference), e.g. a fraud review or an early fraud warning; it is never deleted, released_at and
-- released_by say when and by whom it ended, so the table is the holds' audit trail.
CREATE TABLE payout_holds (
    id          UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    reference   TEXT        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    reason      TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    held_by     TEXT        NOT NULL,
    held_at     TIMESTAMPTZ NOT NULL,
    released_by TEXT,
    released_at TIMESTAMPTZ,
    UNIQUE (tenant_id, reference),
    CHECK ((released_at IS NULL) = (released_by IS NULL))
);
CREATE INDEX payout_holds_active ON payout_holds (tenant_id) WHERE released_at IS NULL;
ALTER TABLE payout_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE payout_holds FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payout_holds
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());

-- One row per carrier that ever had a hold: the payout schedule its connected account should have (MANUAL while a
-- hold exists, RESTORED otherwise), decided under this row's lock. Each change of the desired state is a new
-- generation with its own Stripe call (account.payout_schedule); applied_generation is the last one Stripe confirmed.
-- saved_schedule is the schedule the account had before the holds (JSON), restored when the last hold ends.
-- sending_until is a lease: one send per carrier at a time, so Stripe sees the changes in the order they were decided.
CREATE TABLE payout_hold_schedules (
    tenant_id          UUID PRIMARY KEY,
    desired            TEXT        NOT NULL CHECK (desired IN ('MANUAL', 'RESTORED')),
    generation         BIGINT      NOT NULL,
    applied_generation BIGINT      NOT NULL,
    call_id            UUID REFERENCES stripe_calls (id),
    saved_schedule     TEXT,
    sending_until      TIMESTAMPTZ,
    last_error         TEXT,
    updated_at         TIMESTAMPTZ NOT NULL
);
ALTER TABLE payout_hold_schedules ENABLE ROW LEVEL SECURITY;
ALTER TABLE payout_hold_schedules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payout_hold_schedules
    USING (tenant_id = fg_current_tenant() OR fg_system_scope())
    WITH CHECK (tenant_id = fg_current_tenant() OR fg_system_scope());
