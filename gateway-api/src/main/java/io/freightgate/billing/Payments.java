package io.freightgate.billing;

import io.freightgate.billing.internal.AfterAuthorization;
import io.freightgate.billing.internal.PaymentAttemptRecords;
import io.freightgate.billing.internal.PaymentCancelSending;
import io.freightgate.billing.internal.PaymentCaptureSending;
import io.freightgate.billing.internal.PaymentIntentSending;
import io.freightgate.billing.internal.PaymentRefundRecords;
import io.freightgate.billing.internal.PaymentRequestRecords;
import io.freightgate.billing.internal.PaymentSynchronizer;
import io.freightgate.billing.internal.RefundSending;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentCurrencies;
import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.domain.PaymentRequestState;
import io.freightgate.billing.internal.stripe.StripePayments;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Paying, capturing and refunding payment requests. Each operation records its intent in one transaction, calls
 * Stripe after the commit with an idempotency key derived from the intent's identity, and records the outcome in
 * another: Approved, Declined, Pending, Unknown or NotAttempted. Each such call (a PaymentIntent's creation, a capture, a
 * cancel, a refund) is a recorded Stripe call ({@link io.freightgate.platform.stripe.calls.StripeCalls}). An unknown
 * outcome keeps the request {@code PAYMENT_PENDING} (nobody can pay twice) until the one Stripe-call janitor settles it
 * (it looks the PaymentIntent up first, and repeats the same call only when Stripe has none). Screening ({@link PaymentScreening}) is asked before any PaymentIntent is created.
 */
@Service
public class Payments {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("Payments on its own authority");

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    /** What the payer is told of a blocked payment: nothing of why (no rule, list or fact is named). */
    public static final String BLOCKED_MESSAGE = "This payment could not be accepted, and nothing was charged."
            + " Please contact the carrier who sent the payment request to arrange another way to pay.";

    /** How long the payer's answer waits for a screening after the authorization that another thread runs. */
    private static final java.time.Duration AUTHORIZATION_PATIENCE = java.time.Duration.ofSeconds(10);

    private final PaymentRequestRecords requests;
    private final PaymentAttemptRecords attempts;
    private final PaymentRefundRecords refunds;
    private final PaymentRequests paymentRequests;
    private final PaymentSynchronizer synchronizer;
    private final RefundSending refundSending;
    private final PaymentIntentSending intentSending;
    private final PaymentCaptureSending captureSending;
    private final PaymentCancelSending cancelSending;
    private final AfterAuthorization afterAuthorization;
    private final StripePayments stripe;
    private final PaymentScreening screening;
    private final PaymentParticipation participation;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String defaultReturnUrl;

    Payments(
            PaymentRequestRecords requests,
            PaymentAttemptRecords attempts,
            PaymentRefundRecords refunds,
            PaymentRequests paymentRequests,
            PaymentSynchronizer synchronizer,
            RefundSending refundSending,
            PaymentIntentSending intentSending,
            PaymentCaptureSending captureSending,
            PaymentCancelSending cancelSending,
            AfterAuthorization afterAuthorization,
            StripePayments stripe,
            PaymentScreening screening,
            PaymentParticipation participation,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${freightgate.payments.return-url}") String defaultReturnUrl) {
        this.requests = requests;
        this.attempts = attempts;
        this.refunds = refunds;
        this.paymentRequests = paymentRequests;
        this.synchronizer = synchronizer;
        this.refundSending = refundSending;
        this.intentSending = intentSending;
        this.captureSending = captureSending;
        this.cancelSending = cancelSending;
        this.afterAuthorization = afterAuthorization;
        this.stripe = stripe;
        this.screening = screening;
        this.participation = participation;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
        this.defaultReturnUrl = defaultReturnUrl;
    }

    /**
     * The shipper pays the request (as its own tenant). Returns what it came to ({@link PaymentOutcome}):
     * {@code Approved} (paid, or authorized when captured on delivery), {@code Pending} (3-D Secure to complete at
     * {@code nextActionUrl}, or a SEPA debit processing), {@code Declined} (Stripe's decline code), {@code Blocked}
     * (screening), {@code NotVerified} (the shipper is not verified) or {@code ProviderUnavailable} (nothing was charged,
     * or the outcome is unknown and being reconciled: do not pay again). Fails only on broken preconditions:
     * {@link PaymentRequestNotFound} (not the shipper's), {@link IllegalStateException} (not payable now),
     * {@link IllegalArgumentException} (method not allowed for the currency).
     */
    public PaymentOutcome pay(PaymentRequestId paymentRequest, PayWith with) {
        return pay(paymentRequest, with, PayerContext.unknown());
    }

    /**
     * As {@link #pay(PaymentRequestId, PayWith)}, with where the payment came from ({@link PayerContext}: the payer's
     * IP address, user agent and payment-page link), which screening weighs.
     */
    public PaymentOutcome pay(PaymentRequestId paymentRequest, PayWith with, PayerContext context) {
        TenantId payer = Tenancy.requireTenant();
        String actor = Tenancy.currentActor();
        Optional<String> refusal = participation.refusal(payer);
        if (refusal.isPresent()) {
            return new PaymentOutcome.NotVerified(refusal.get());
        }
        PaymentAttempt.Method method =
                with instanceof PayWith.SepaDebit ? PaymentAttempt.Method.SEPA_DEBIT : PaymentAttempt.Method.CARD;
        // The webhook of an earlier attempt may update the request at this moment: the loser runs again on fresh rows.
        PaymentAttempt attempt = OnConflict.retry(
                () -> systemAccess.transaction(Reach.OWN_TENANT, "begin payment of " + paymentRequest, () -> {
                    PaymentRequest request = requests.shippersOwn(paymentRequest);
                    var currency = request.amount().currency();
                    if (method == PaymentAttempt.Method.SEPA_DEBIT && !PaymentCurrencies.sepaSupported(currency)) {
                        throw new IllegalArgumentException("SEPA Direct Debit is available for EUR requests only");
                    }
                    PaymentAttemptId attemptId = PaymentAttemptId.random();
                    int number = request.beginAttempt(attemptId, method.name(), clock.instant());
                    return attempts.save(PaymentAttempt.begin(
                            attemptId,
                            request,
                            number,
                            method,
                            with instanceof PayWith.Card card ? Optional.of(card.paymentMethodId()) : Optional.empty(),
                            with instanceof PayWith.Card card
                                    ? Optional.of(card.returnUrl().orElse(defaultReturnUrl))
                                    : Optional.empty(),
                            with instanceof PayWith.SepaDebit sepa
                                    ? Optional.of(new PaymentAttempt.Mandate(
                                            sepa.mandate().ipAddress(),
                                            sepa.mandate().userAgent(),
                                            sepa.mandate().acceptedAt()))
                                    : Optional.empty(),
                            actor,
                            clock.instant()));
                }));
        var verdict = screen(attempt, context, with, actor);
        record(attempt.id(), a -> {
            a.screened(
                    PaymentAttempt.Verdict.valueOf(verdict.decision().name()),
                    String.join("; ", verdict.verdict().reasons()),
                    clock.instant());
            a.screenedWith(verdict.fingerprint(), verdict.verdict().decisionId(), clock.instant());
        });
        if (verdict.decision() == PaymentScreening.Decision.BLOCK) {
            failed(attempt.id(), false);
            return new PaymentOutcome.Blocked(BLOCKED_MESSAGE, attempt.id());
        }
        if (with instanceof PayWith.SepaDebit sepa) {
            switch (stripe.createSepaPaymentMethod(attempt.id(), sepa.iban(), sepa.accountHolderName(), sepa.email())) {
                case ProviderOutcome.Approved<String>(String paymentMethod) ->
                    record(attempt.id(), a -> a.paymentMethodCreated(paymentMethod, clock.instant()));
                case ProviderOutcome.Declined<String> declined -> {
                    record(
                            attempt.id(),
                            a -> a.declined(Optional.empty(), declined.code(), declined.message(), clock.instant()));
                    failed(attempt.id(), true);
                    return new PaymentOutcome.Declined(declined.code(), declined.message(), attempt.id());
                }
                default -> {
                    record(
                            attempt.id(),
                            a -> a.notAttempted(
                                    "The bank account could not be registered with Stripe", clock.instant()));
                    failed(attempt.id(), false);
                    return new PaymentOutcome.ProviderUnavailable(
                            "Stripe did not answer; nothing was charged. Try again in a moment.");
                }
            }
        }
        return send(attempt.id());
    }

    private record Screened(PaymentScreening.ScreeningVerdict verdict, Optional<String> fingerprint) {
        PaymentScreening.Decision decision() {
            return verdict.decision();
        }
    }

    /**
     * Asks screening before anything is sent, outside any transaction: a card's fingerprint is read from Stripe first
     * (empty when Stripe does not answer: screened without it, never failed for it); the payer's IP address and user
     * agent come from the web request, else from a SEPA mandate.
     */
    private Screened screen(PaymentAttempt attempt, PayerContext payer, PayWith with, String actor) {
        Optional<String> fingerprint =
                with instanceof PayWith.Card card ? stripe.cardFingerprint(card.paymentMethodId()) : Optional.empty();
        Optional<PayWith.MandateAcceptance> mandate =
                with instanceof PayWith.SepaDebit sepa ? Optional.of(sepa.mandate()) : Optional.empty();
        var verdict = screening.screen(new PaymentScreening.ScreeningRequest(
                attempt.paymentRequestId().value(),
                attempt.id().value(),
                new TenantId(attempt.tenantId()),
                new TenantId(attempt.shipperId()),
                attempt.amount(),
                attempt.method().name(),
                actor,
                payer.ipAddress().or(() -> mandate.map(PayWith.MandateAcceptance::ipAddress)),
                payer.userAgent().or(() -> mandate.map(PayWith.MandateAcceptance::userAgent)),
                fingerprint,
                payer.payLink(),
                payer.deviceFingerprint()));
        return new Screened(verdict, fingerprint);
    }

    /** Captures an authorized request (capture on delivery): the carrier, or platform staff, or the expiry guard. */
    public PaymentRequestView capture(PaymentRequestId paymentRequest, Reach reach) {
        PaymentRequest request = carriersOwn(paymentRequest, reach);
        if (request.status() != PaymentRequestState.AUTHORIZED) {
            throw new IllegalStateException("Payment request " + paymentRequest + " is " + request.status()
                    + "; only an authorized payment can be captured");
        }
        PaymentAttemptId attemptId = request.currentAttemptId().orElseThrow();
        if (systemAccess
                .transaction(ACROSS_TENANTS, "read attempt " + attemptId, () -> attempts.find(attemptId))
                .filter(PaymentAttempt::awaitingReview)
                .isPresent()) {
            throw new IllegalStateException("Payment request " + paymentRequest
                    + " is in fraud review; its authorization is captured when the review approves it");
        }
        answered(captureSending.send(attemptId));
        return paymentRequests.find(paymentRequest, ACROSS_TENANTS).orElseThrow();
    }

    /**
     * A fraud review approved the payment (flows, for the fraud module): an authorization is captured now (or, captured
     * on delivery, left for the delivery), and Stripe's own review of the charge ({@code prv_...}) is approved. A SEPA
     * debit already collected needs nothing here (flows releases its transfer). Idempotent.
     */
    public PaymentRequestView approveReviewed(PaymentRequestId paymentRequest, Optional<String> stripeReviewId) {
        PaymentRequest request = carriersOwn(paymentRequest, ACROSS_TENANTS);
        Optional<PaymentAttemptId> attemptId = request.currentAttemptId();
        attemptId.ifPresent(id -> record(
                id, a -> a.authorizationScreened(PaymentAttempt.AuthorizationVerdict.APPROVED, clock.instant())));
        if (request.status() == PaymentRequestState.AUTHORIZED && !request.captureOnDelivery()) {
            answered(captureSending.send(attemptId.orElseThrow()));
        }
        stripeReviewId.ifPresent(review -> {
            if (!(stripe.approveReview(review) instanceof ProviderOutcome.Approved<String>)) {
                throw new PaymentProviderUnavailable(
                        "Stripe did not approve its review " + review + "; repeat the approval (it is idempotent).");
            }
        });
        return paymentRequests.find(paymentRequest, ACROSS_TENANTS).orElseThrow();
    }

    /**
     * A fraud review rejected the payment (flows, for the fraud module): an authorization is cancelled (Stripe closes
     * its own review), a collected payment is refunded in full as {@code fraudulent}. Idempotent.
     */
    public PaymentRequestView rejectReviewed(PaymentRequestId paymentRequest) {
        PaymentRequest request = carriersOwn(paymentRequest, ACROSS_TENANTS);
        request.currentAttemptId()
                .ifPresent(id -> record(
                        id,
                        a -> a.authorizationScreened(PaymentAttempt.AuthorizationVerdict.REJECTED, clock.instant())));
        if (request.status() == PaymentRequestState.AUTHORIZED) {
            answered(cancelSending.send(request.currentAttemptId().orElseThrow()));
        } else if (request.status().refundable() && request.refundableMinor() > 0) {
            refund(paymentRequest, Optional.empty(), Optional.of(StripePayments.FRAUDULENT), ACROSS_TENANTS);
        }
        return paymentRequests.find(paymentRequest, ACROSS_TENANTS).orElseThrow();
    }

    /** Releases an authorization: the request is open again (the expiry guard's cancel policy). */
    public PaymentRequestView releaseAuthorization(PaymentRequestId paymentRequest, Reach reach) {
        PaymentRequest request = carriersOwn(paymentRequest, reach);
        if (request.status() != PaymentRequestState.AUTHORIZED) {
            throw new IllegalStateException(
                    "Payment request " + paymentRequest + " is " + request.status() + "; it holds no authorization");
        }
        PaymentAttemptId attemptId = request.currentAttemptId().orElseThrow();
        answered(cancelSending.send(attemptId));
        return paymentRequests.find(paymentRequest, ACROSS_TENANTS).orElseThrow();
    }

    /**
     * Refunds all (no amount) or part of what was paid. Refused with {@link IllegalStateException} on disputed or
     * unpaid requests and with {@link IllegalArgumentException} beyond what is left; the amount is reserved before
     * Stripe is called, so two refunds at once cannot exceed the payment.
     */
    public RefundView refund(
            PaymentRequestId paymentRequest, Optional<Long> amountMinor, Optional<String> reason, Reach reach) {
        String actor = Tenancy.currentActor();
        PaymentRefund refund = systemAccess.transaction(reach, "refund payment request " + paymentRequest, () -> {
            PaymentRequest request = requests.carriersOwn(paymentRequest, reach);
            long amount = amountMinor.orElse(request.refundableMinor());
            request.reserveRefund(amount, clock.instant());
            PaymentRefund saved = refunds.save(
                    PaymentRefund.intend(PaymentRefundId.random(), request, amount, reason, actor, clock.instant()));
            refundSending.intend(saved);
            return saved;
        });
        var outcome = refundSending.send(refund.id());
        if (outcome instanceof ProviderOutcome.Declined<StripePayments.RefundResult> declined) {
            throw new RefundRefused(declined.code(), declined.message());
        }
        if (!(outcome instanceof ProviderOutcome.Approved)) {
            throw new PaymentProviderUnavailable(
                    "Stripe did not answer; the refund is recorded and will be reconciled. Do not refund again.");
        }
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "read refund " + refund.id(),
                () -> PaymentRequests.view(refunds.find(refund.id()).orElseThrow()));
    }

    /** Re-reads the current attempt's PaymentIntent from Stripe (the payment page after 3-D Secure). */
    public PaymentRequestView refresh(PaymentRequestId paymentRequest) {
        PaymentRequest request = systemAccess.transaction(
                ACROSS_TENANTS, "refresh payment request " + paymentRequest, () -> requests.find(paymentRequest)
                        .orElseThrow(() -> new PaymentRequestNotFound(paymentRequest)));
        Optional<PaymentAttempt> attempt = request.currentAttemptId()
                .flatMap(id -> systemAccess.transaction(ACROSS_TENANTS, "read attempt " + id, () -> attempts.find(id)));
        attempt.flatMap(PaymentAttempt::stripePaymentIntentId).ifPresent(intent -> {
            afterAuthorization.answering(
                    attempt.get().id(), () -> synchronizer.refresh(attempt.get().id(), intent));
            // the webhook may have seen the authorization first and be screening or capturing it right now
            afterAuthorization.awaitSettled(attempt.get().id(), AUTHORIZATION_PATIENCE);
        });
        return paymentRequests.find(paymentRequest, ACROSS_TENANTS).orElseThrow();
    }

    /** Sends an attempt's PaymentIntent (a recorded Stripe call), records the outcome and returns it. */
    private PaymentOutcome send(PaymentAttemptId attemptId) {
        return switch (afterAuthorization.answering(attemptId, () -> intentSending.send(attemptId))) {
            case ProviderOutcome.Approved<PaymentIntentSnapshot> approved -> {
                // the webhook may have seen the authorization first and be screening or capturing it right now
                afterAuthorization.awaitSettled(attemptId, AUTHORIZATION_PATIENCE);
                yield PaymentOutcome.of(attemptView(attemptId));
            }
            case ProviderOutcome.Declined<PaymentIntentSnapshot> declined -> {
                // Radar's own block is recorded as a fraud decision with its facts, and the PaymentIntent cancelled
                afterAuthorization.declined(attemptId, declined.code());
                yield new PaymentOutcome.Declined(declined.code(), declined.message(), attemptId);
            }
            case ProviderOutcome.NotAttempted<PaymentIntentSnapshot> notAttempted ->
                new PaymentOutcome.ProviderUnavailable("The payment could not be sent to Stripe; nothing was charged.");
            case ProviderOutcome.Pending<PaymentIntentSnapshot> pending -> unknown();
            case ProviderOutcome.Unknown<PaymentIntentSnapshot> unknown -> unknown();
        };
    }

    PaymentAttemptView attemptView(PaymentAttemptId attemptId) {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "read attempt " + attemptId,
                () -> PaymentRequests.view(attempts.find(attemptId).orElseThrow()));
    }

    private static PaymentOutcome unknown() {
        return new PaymentOutcome.ProviderUnavailable(
                "Stripe did not answer; the payment's outcome is being reconciled."
                        + " Do not pay again: the request shows the result shortly.");
    }

    /** A capture's or cancel's answer, already applied and recorded, to the caller. */
    private static void answered(ProviderOutcome<PaymentIntentSnapshot> outcome) {
        switch (outcome) {
            case ProviderOutcome.Approved<PaymentIntentSnapshot> approved -> {}
            case ProviderOutcome.Declined<PaymentIntentSnapshot> declined ->
                throw new IllegalStateException("Stripe refused: " + declined.message());
            default ->
                throw new PaymentProviderUnavailable("Stripe did not answer; repeat the request (it is idempotent).");
        }
    }

    private void record(PaymentAttemptId attemptId, java.util.function.Consumer<PaymentAttempt> change) {
        OnConflict.retry(() -> systemAccess.transaction(ACROSS_TENANTS, "record payment attempt " + attemptId, () -> {
            change.accept(attempts.find(attemptId).orElseThrow());
            return null;
        }));
    }

    /** The attempt ended without money moving: the request is payable again. */
    private void failed(PaymentAttemptId attemptId, boolean publish) {
        OnConflict.retry(
                () -> systemAccess.transaction(ACROSS_TENANTS, "reopen the request of attempt " + attemptId, () -> {
                    PaymentAttempt attempt = attempts.find(attemptId).orElseThrow();
                    PaymentRequest request =
                            requests.find(attempt.paymentRequestId()).orElseThrow();
                    if (request.attemptFailed(attemptId, clock.instant()) && publish) {
                        events.publishEvent(new PaymentAttemptFailed(
                                request.id(),
                                attemptId,
                                request.carrier(),
                                request.shipper(),
                                attempt.declineCode().orElse("declined")));
                    }
                    return null;
                }));
    }

    private PaymentRequest carriersOwn(PaymentRequestId paymentRequest, Reach reach) {
        return systemAccess.transaction(
                reach, "read payment request " + paymentRequest, () -> requests.carriersOwn(paymentRequest, reach));
    }
}
