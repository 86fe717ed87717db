/**
 * The platform every FreightGate module stands on: tenancy (the tenant of a call, PostgreSQL row-level security set
 * per transaction, the audited system path), Envers revision info, envelope encryption of personal data and secrets,
 * the {@code DocumentStore}, {@code Idempotency-Key} handling, the problem-type catalogue, rate limiting over Redis,
 * mail sent after commit through the {@code Notifications} port, the one durable work queue ({@code queue}: claim,
 * lease, backoff, park, nudge, metrics), and jobs that run once across instances. An open, shared module: it
 * depends on {@code kernel} only and never on a domain module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.freightgate.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
