/**
 * Integrator webhooks: FreightGate's own events delivered to the HTTPS endpoints that carriers and shippers register.
 * Owns the endpoints (URL, subscribed event types, the signing secret and its rotation), the deliveries (one per event
 * and subscribed endpoint, written in the transaction of the business change that caused the event) and every attempt
 * to deliver them. Facade: {@link io.freightgate.integrations.IntegratorWebhooks}; the event catalogue is
 * {@link io.freightgate.integrations.IntegrationEventType}. Other modules' events reach it only through
 * {@code io.freightgate.flows}, which turns them into {@link io.freightgate.integrations.IntegrationEvent}s.
 *
 * <p>Never sends inside a database transaction, never follows redirects, never sends to an address the
 * {@code AddressGuard} refuses (loopback, private, link-local and other internal ranges; loopback only where
 * configured for local mode and tests), never logs a secret, and never names payments, loads, disputes, KYC or fraud.
 */
@ApplicationModule(displayName = "Integrator webhooks")
@NullMarked
package io.freightgate.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
