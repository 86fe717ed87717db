-- The dispute events integrators could subscribe to before they were sent: "dispute.opened" is now "dispute.created"
-- (Stripe's word, and the one the dispute engine's notifications use), and "dispute.updated" joins the catalogue.
-- Endpoints are tenant rows: the rename runs in the system scope, for this transaction only.
SELECT set_config('app.scope', 'system', true);
UPDATE integration_endpoints
   SET event_types = array_replace(event_types, 'dispute.opened', 'dispute.created')
 WHERE 'dispute.opened' = ANY (event_types);
SELECT set_config('app.scope', '', true);
