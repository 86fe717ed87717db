package io.freightgate.platform.stripe.calls;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One recorded Stripe call, as stored in {@code stripe_calls}.
 *
 * @param id the call's id (the owning entity keeps it)
 * @param tenantId the tenant whose business the call is
 * @param operation the operation type (e.g. {@code transfer.create}); selects the {@link StripeCallLookup}
 * @param businessKey what the call is about in the owning module (e.g. the payment request's or the refund's id)
 * @param idempotencyKey the key every send of this call carries
 * @param outcome where the call stands
 * @param stripeObjectId the id of what Stripe made, once known
 * @param detail the last reason, decline or error
 * @param sends how many times Stripe was called with the key
 * @param checks how many times the janitor looked at the call
 * @param intendedAt when the intent was recorded (never after the first send: the idempotency window is measured
 *     from here, which errs on the safe side)
 * @param lastSentAt the last send
 * @param decidedAt when the outcome became settled (approved, declined, not attempted)
 * @param nextCheckAt when the janitor looks at it next while it is open
 */
public record StripeCall(
        UUID id,
        UUID tenantId,
        String operation,
        String businessKey,
        String idempotencyKey,
        CallOutcome outcome,
        @Nullable String stripeObjectId,
        @Nullable String detail,
        int sends,
        int checks,
        Instant intendedAt,
        @Nullable Instant lastSentAt,
        @Nullable Instant decidedAt,
        Instant nextCheckAt) {

    public Optional<String> objectId() {
        return Optional.ofNullable(stripeObjectId);
    }

    public Optional<String> lastDetail() {
        return Optional.ofNullable(detail);
    }
}
