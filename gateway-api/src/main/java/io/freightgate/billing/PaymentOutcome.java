package io.freightgate.billing;

import io.freightgate.kernel.PaymentAttemptId;
import java.util.Objects;
import java.util.Optional;

/**
 * What paying a payment request came to ({@link Payments#pay}). Every business outcome is a value the caller switches
 * over exhaustively: a decline, a screening block, an unverified payer or a lost Stripe answer is not exceptional, it is
 * an answer the API and the payment page each render in their own way. Programming errors and broken preconditions
 * (not the payer's request, not payable now, method not allowed for the currency) stay exceptions.
 */
public sealed interface PaymentOutcome {

    /** The attempt when Stripe accepted the payment ({@link Approved} or {@link Pending}), empty otherwise. */
    Optional<PaymentAttemptView> accepted();

    /** The outcome of an attempt Stripe answered without a decline: approved, or pending otherwise. */
    static PaymentOutcome of(PaymentAttemptView attempt) {
        return "APPROVED".equals(attempt.outcome()) ? new Approved(attempt) : new Pending(attempt);
    }

    /** Paid, or authorized when captured on delivery (attempt outcome {@code APPROVED}). */
    record Approved(PaymentAttemptView attempt) implements PaymentOutcome {
        public Approved {
            Objects.requireNonNull(attempt, "attempt");
        }

        @Override
        public Optional<PaymentAttemptView> accepted() {
            return Optional.of(attempt);
        }
    }

    /**
     * Not settled yet: 3-D Secure to complete at the attempt's {@code nextActionUrl}, or a SEPA debit processing (the
     * webhook completes it).
     */
    record Pending(PaymentAttemptView attempt) implements PaymentOutcome {
        public Pending {
            Objects.requireNonNull(attempt, "attempt");
        }

        @Override
        public Optional<PaymentAttemptView> accepted() {
            return Optional.of(attempt);
        }
    }

    /** Stripe declined; {@code declineCode} is Stripe's ({@code insufficient_funds}, {@code generic_decline}...). */
    record Declined(String declineCode, String message, PaymentAttemptId attemptId) implements PaymentOutcome {
        public Declined {
            Objects.requireNonNull(declineCode, "declineCode");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(attemptId, "attemptId");
        }

        @Override
        public Optional<PaymentAttemptView> accepted() {
            return Optional.empty();
        }
    }

    /** Screening refused the payment before Stripe was called; nothing was charged. */
    record Blocked(String message, PaymentAttemptId attemptId) implements PaymentOutcome {
        public Blocked {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(attemptId, "attemptId");
        }

        @Override
        public Optional<PaymentAttemptView> accepted() {
            return Optional.empty();
        }
    }

    /** The paying organization has not completed verification; nothing was recorded. */
    record NotVerified(String reason) implements PaymentOutcome {
        public NotVerified {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<PaymentAttemptView> accepted() {
            return Optional.empty();
        }
    }

    /**
     * Stripe could not be reached or did not answer. {@code message} tells the payer whether nothing was charged or the
     * outcome is being reconciled (then: do not pay again).
     */
    record ProviderUnavailable(String message) implements PaymentOutcome {
        public ProviderUnavailable {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Optional<PaymentAttemptView> accepted() {
            return Optional.empty();
        }
    }
}
