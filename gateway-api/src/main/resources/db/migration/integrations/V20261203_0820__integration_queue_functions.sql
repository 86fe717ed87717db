-- Writes one delivery (and its queue entry) per enabled endpoint of the given organizations subscribed to the event
-- type, inside the caller's transaction. The business transaction that publishes the event runs in one party's tenant
-- (a shipper paying), while the deliveries belong to the endpoints of every party concerned (the carrier too): the
-- function widens the scope to the system scope for exactly this one statement and restores the caller's scope
-- before it returns. It reveals nothing to the caller but a count. A failure aborts the whole transaction, so the
-- widened scope can never outlive the statement in a transaction that goes on.
CREATE FUNCTION fg_enqueue_integration_event(
    p_event_id UUID, p_event_type TEXT, p_organizations UUID[], p_payload TEXT, p_now TIMESTAMPTZ)
    RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    previous_scope TEXT := coalesce(current_setting('app.scope', true), '');
    written INTEGER;
BEGIN
    PERFORM set_config('app.scope', 'system', true);
    WITH subscribed AS (
        SELECT id, tenant_id FROM integration_endpoints
        WHERE tenant_id = ANY (p_organizations) AND enabled AND deleted_at IS NULL AND p_event_type = ANY (event_types)
    ), written_deliveries AS (
        INSERT INTO integration_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload, status,
                                            next_attempt_at, created_at, updated_at)
        SELECT gen_random_uuid(), s.tenant_id, s.id, p_event_id, p_event_type, p_payload, 'PENDING', p_now, p_now, p_now
        FROM subscribed s
        ON CONFLICT ON CONSTRAINT integration_deliveries_event_unique DO NOTHING
        RETURNING id, tenant_id
    )
    INSERT INTO integration_delivery_queue (delivery_id, tenant_id, due_at)
    SELECT id, tenant_id, p_now FROM written_deliveries;
    GET DIAGNOSTICS written = ROW_COUNT;
    PERFORM set_config('app.scope', previous_scope, true);
    RETURN written;
END;
$$;

-- Claims up to p_limit due queue entries of every tenant for the delivery worker until p_lease_until, and returns only
-- their ids, tenants and claim numbers (no business data): the worker then handles each delivery in its tenant's own
-- scope. Widens the scope for this one statement exactly like fg_enqueue_integration_event, so that polling does not
-- need the audited system path (which would log every poll).
CREATE FUNCTION fg_claim_integration_deliveries(p_now TIMESTAMPTZ, p_lease_until TIMESTAMPTZ, p_limit INTEGER)
    RETURNS TABLE (claimed_delivery_id UUID, claimed_tenant_id UUID, claim_number INTEGER)
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    previous_scope TEXT := coalesce(current_setting('app.scope', true), '');
BEGIN
    PERFORM set_config('app.scope', 'system', true);
    RETURN QUERY
    WITH claimed AS (
        UPDATE integration_delivery_queue q SET due_at = p_lease_until, claims = q.claims + 1
        WHERE q.delivery_id IN (
            SELECT s.delivery_id FROM integration_delivery_queue s WHERE s.due_at <= p_now
            ORDER BY s.due_at, s.delivery_id LIMIT p_limit FOR UPDATE SKIP LOCKED)
        RETURNING q.delivery_id, q.tenant_id, q.claims
    )
    SELECT c.delivery_id, c.tenant_id, c.claims FROM claimed c;
    PERFORM set_config('app.scope', previous_scope, true);
END;
$$;
