/**
 * Billing: carriers' payment requests to shippers ({@link io.freightgate.billing.PaymentRequests}), their
 * PaymentIntents, captures and refunds ({@link io.freightgate.billing.Payments}), the hosted pay page
 * ({@code internal.web}), reminders and the expiry of card authorizations, and the payments module's Stripe calls
 * (PaymentIntent creations, captures, cancels, refunds), which the one Stripe-call janitor settles when their answer
 * was lost. Asks the ports {@link io.freightgate.billing.PaymentScreening} (fraud) and
 * {@link io.freightgate.billing.LoadDeliveries} (loads). Publishes {@link io.freightgate.billing.PaymentRequestCreated},
 * {@link io.freightgate.billing.PaymentRequestPaid} and {@link io.freightgate.billing.PaymentAttemptFailed}. Never
 * calls Stripe inside a database transaction; every provider outcome is Approved, Declined, Pending, Unknown or
 * NotAttempted. Never names loads, disputes, KYC or fraud.
 */
@NullMarked
@ApplicationModule(
        displayName = "Billing",
        allowedDependencies = {"ledger", "organizations", "kernel", "platform"})
package io.freightgate.billing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
