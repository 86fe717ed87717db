package io.freightgate.billing.internal.domain;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One try of a shipper to pay a request, recorded before Stripe is called. It keeps every parameter of its
 * PaymentIntent call, and points to the Stripe-call records ({@code stripe_calls}) of its create, capture and cancel,
 * which carry the idempotency key derived from its identity, the sends and the janitor's checks: an
 * {@link AttemptOutcome#UNKNOWN} outcome is settled by the one Stripe-call janitor, which looks the PaymentIntent up
 * first and repeats exactly the same call only when Stripe has none (Stripe replays the first result, money never
 * moves twice). The attempt keeps its business state (outcome, Stripe's status, decline), which webhooks also move.
 */
@Entity
@Table(name = "payment_attempts")
public class PaymentAttempt {

    /** How the shipper pays. */
    public enum Method {
        CARD,
        SEPA_DEBIT
    }

    /** What the screening port answered. */
    public enum Verdict {
        ALLOW,
        /** Allowed, confirmed with 3-D Secure requested (cards only). */
        REQUEST_3DS,
        REVIEW,
        BLOCK;

        /** Whether screening lets the money move on without a person's decision. */
        public boolean clears() {
            return this == ALLOW || this == REQUEST_3DS;
        }
    }

    @Id
    private UUID id;

    @Column(name = "payment_request_id", nullable = false, updatable = false)
    private UUID paymentRequestId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "shipper_id", nullable = false, updatable = false)
    private UUID shipperId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Method method;

    @Embedded
    @AttributeOverride(name = "minor", column = @Column(name = "amount_minor", nullable = false, updatable = false))
    @AttributeOverride(
            name = "currency",
            column = @Column(name = "currency", nullable = false, length = 3, updatable = false))
    private Money amount;

    @Column(name = "manual_capture", nullable = false, updatable = false)
    private boolean manualCapture;

    @Column(name = "stripe_payment_method_id")
    private @Nullable String stripePaymentMethodId;

    @Column(name = "return_url", updatable = false)
    private @Nullable String returnUrl;

    @Column(name = "mandate_ip", updatable = false)
    private @Nullable String mandateIp;

    @Column(name = "mandate_user_agent", updatable = false)
    private @Nullable String mandateUserAgent;

    @Column(name = "mandate_accepted_at", updatable = false)
    private @Nullable Instant mandateAcceptedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "screening_verdict", nullable = false)
    private Verdict screeningVerdict;

    @Column(name = "screening_reasons", nullable = false)
    private String screeningReasons = "";

    /** Stripe's fingerprint of the card, read before screening; empty for SEPA or when Stripe did not answer. */
    @Column(name = "card_fingerprint")
    private @Nullable String cardFingerprint;

    /** The fraud module's decision before confirmation (stage 2 finds it by this id). */
    @Column(name = "screening_decision_id")
    private @Nullable UUID screeningDecisionId;

    /** Set once by screening, before the PaymentIntent call is recorded: a resend sends the same parameters. */
    @Column(name = "request_three_d_secure", nullable = false)
    private boolean requestThreeDSecure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptOutcome outcome;

    @Column(name = "stripe_status")
    private @Nullable String stripeStatus;

    @Column(name = "stripe_payment_intent_id")
    private @Nullable String stripePaymentIntentId;

    @Column(name = "stripe_charge_id")
    private @Nullable String stripeChargeId;

    @Column(name = "next_action_url")
    private @Nullable String nextActionUrl;

    @Column(name = "decline_code")
    private @Nullable String declineCode;

    @Column(name = "failure_message")
    private @Nullable String failureMessage;

    /** The Stripe call that creates and confirms the PaymentIntent, once recorded. */
    @Column(name = "call_id")
    private @Nullable UUID callId;

    /** The Stripe call that captures the authorization, once recorded. */
    @Column(name = "capture_call_id")
    private @Nullable UUID captureCallId;

    /** The Stripe call that cancels the PaymentIntent (releases the authorization), once recorded. */
    @Column(name = "cancel_call_id")
    private @Nullable UUID cancelCallId;

    /**
     * What the screening after the authorization decided (ADR 0013): {@code SCREENING} while it runs, then
     * {@code ALLOW}, {@code REVIEW} (until a person decides: {@code APPROVED} or {@code REJECTED}) or {@code BLOCK};
     * empty before.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "authorization_verdict")
    private @Nullable AuthorizationVerdict authorizationVerdict;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PaymentAttempt() {}

    /** The parameters of a SEPA mandate accepted online: the payer's IP address, user agent and acceptance time. */
    public record Mandate(String ipAddress, String userAgent, Instant acceptedAt) {}

    public static PaymentAttempt begin(
            PaymentAttemptId id,
            PaymentRequest request,
            int number,
            Method method,
            Optional<String> paymentMethodId,
            Optional<String> returnUrl,
            Optional<Mandate> mandate,
            String actor,
            Instant now) {
        var attempt = new PaymentAttempt();
        attempt.id = id.value();
        attempt.paymentRequestId = request.id().value();
        attempt.tenantId = request.tenantId();
        attempt.shipperId = request.shipperId();
        attempt.number = number;
        attempt.method = method;
        attempt.amount = request.amount();
        // every card payment is authorized first and captured after the Radar outcome was screened (ADR 0013)
        attempt.manualCapture = method == Method.CARD;
        attempt.stripePaymentMethodId = paymentMethodId.orElse(null);
        attempt.returnUrl = returnUrl.orElse(null);
        mandate.ifPresent(m -> {
            attempt.mandateIp = m.ipAddress();
            attempt.mandateUserAgent = m.userAgent();
            attempt.mandateAcceptedAt = m.acceptedAt();
        });
        attempt.screeningVerdict = Verdict.ALLOW;
        attempt.outcome = AttemptOutcome.PENDING;
        attempt.createdBy = actor;
        attempt.createdAt = now;
        attempt.updatedAt = now;
        return attempt;
    }

    public void screened(Verdict verdict, String reasons, Instant now) {
        screeningVerdict = verdict;
        screeningReasons = reasons;
        if (verdict == Verdict.BLOCK) {
            outcome = AttemptOutcome.NOT_ATTEMPTED;
            failureMessage = "Blocked by payment screening";
        }
        updatedAt = now;
    }

    /**
     * What the screening before confirmation decided with: the card's fingerprint and the fraud decision's id. A
     * {@link Verdict#REQUEST_3DS} on a card confirms the PaymentIntent with 3-D Secure requested; fixed once the
     * PaymentIntent call is recorded, so a resend of that call is identical.
     */
    public void screenedWith(Optional<String> fingerprint, Optional<UUID> decisionId, Instant now) {
        if (callId != null) {
            throw new IllegalStateException("Payment attempt " + id + " was screened before its PaymentIntent call");
        }
        cardFingerprint = fingerprint.orElse(null);
        screeningDecisionId = decisionId.orElse(null);
        requestThreeDSecure = screeningVerdict == Verdict.REQUEST_3DS && method == Method.CARD;
        updatedAt = now;
    }

    public void paymentMethodCreated(String paymentMethodId, Instant now) {
        stripePaymentMethodId = paymentMethodId;
        updatedAt = now;
    }

    /** Stripe's current view of the PaymentIntent. */
    public void observed(PaymentIntentSnapshot intent, Instant now) {
        stripePaymentIntentId = intent.id();
        stripeStatus = intent.status();
        intent.latestChargeId().ifPresent(charge -> stripeChargeId = charge);
        nextActionUrl = intent.nextActionUrl().orElse(null);
        if (intent.succeeded() || intent.authorized()) {
            outcome = AttemptOutcome.APPROVED;
            declineCode = null;
            failureMessage = null;
        } else if (intent.failed() || intent.canceled()) {
            outcome = AttemptOutcome.DECLINED;
            declineCode = intent.declineCode().orElse(intent.canceled() ? "canceled" : null);
            failureMessage = intent.failureMessage().orElse(null);
        } else {
            outcome = AttemptOutcome.PENDING;
        }
        updatedAt = now;
    }

    /** Stripe refused the call itself (card declined at confirmation, invalid payment method). */
    public void declined(Optional<String> paymentIntentId, String code, String message, Instant now) {
        paymentIntentId.ifPresent(pi -> stripePaymentIntentId = pi);
        outcome = AttemptOutcome.DECLINED;
        declineCode = code;
        failureMessage = message;
        updatedAt = now;
    }

    /** No answer: the call may have taken effect; the Stripe-call janitor looks it up (and repeats it, same key). */
    public void unknown(String reason, Instant now) {
        if (outcome.settled()) {
            return;
        }
        outcome = AttemptOutcome.UNKNOWN;
        failureMessage = reason;
        updatedAt = now;
    }

    /** Never sent (and nothing moved), e.g. the SEPA payment method could not be created. */
    public void notAttempted(String reason, Instant now) {
        outcome = AttemptOutcome.NOT_ATTEMPTED;
        failureMessage = reason;
        updatedAt = now;
    }

    /** The PaymentIntent's creation is recorded as a Stripe call (before it is sent). */
    public void sendingThrough(UUID callId) {
        this.callId = callId;
    }

    /** The capture is recorded as a Stripe call (before it is sent). */
    public void capturingThrough(UUID callId) {
        this.captureCallId = callId;
    }

    /** The cancel is recorded as a Stripe call (before it is sent). */
    public void cancelingThrough(UUID callId) {
        this.cancelCallId = callId;
    }

    public PaymentAttemptId id() {
        return new PaymentAttemptId(id);
    }

    public PaymentRequestId paymentRequestId() {
        return new PaymentRequestId(paymentRequestId);
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID shipperId() {
        return shipperId;
    }

    public int number() {
        return number;
    }

    public Method method() {
        return method;
    }

    public Money amount() {
        return amount;
    }

    public long amountMinor() {
        return amount.minor();
    }

    /** The ISO code of the amount's currency. */
    public String currency() {
        return amount.currency().getCurrencyCode();
    }

    public boolean manualCapture() {
        return manualCapture;
    }

    public Optional<String> stripePaymentMethodId() {
        return Optional.ofNullable(stripePaymentMethodId);
    }

    public Optional<String> returnUrl() {
        return Optional.ofNullable(returnUrl);
    }

    public Optional<Mandate> mandate() {
        if (mandateAcceptedAt == null || mandateIp == null || mandateUserAgent == null) {
            return Optional.empty();
        }
        return Optional.of(new Mandate(mandateIp, mandateUserAgent, mandateAcceptedAt));
    }

    /** The idempotency key of the PaymentIntent's creation, derived from the attempt's identity. */
    public String idempotencyKey() {
        return idempotencyKey(paymentRequestId(), number);
    }

    /** The idempotency key of an attempt's PaymentIntent creation. */
    public static String idempotencyKey(PaymentRequestId paymentRequestId, int number) {
        return "fg-payment-request-" + paymentRequestId + "-attempt-" + number;
    }

    /** The idempotency key of the capture of the attempt's authorization. */
    public String captureKey() {
        return "fg-capture-" + id;
    }

    /** The idempotency key of the cancel of the attempt's PaymentIntent. */
    public String cancelKey() {
        return "fg-release-" + id;
    }

    public Optional<UUID> callId() {
        return Optional.ofNullable(callId);
    }

    public Optional<UUID> captureCallId() {
        return Optional.ofNullable(captureCallId);
    }

    public Optional<UUID> cancelCallId() {
        return Optional.ofNullable(cancelCallId);
    }

    public Verdict screeningVerdict() {
        return screeningVerdict;
    }

    public String screeningReasons() {
        return screeningReasons;
    }

    public Optional<String> cardFingerprint() {
        return Optional.ofNullable(cardFingerprint);
    }

    public Optional<UUID> screeningDecisionId() {
        return Optional.ofNullable(screeningDecisionId);
    }

    /** Whether the PaymentIntent is confirmed with {@code request_three_d_secure=any}. */
    public boolean requestThreeDSecure() {
        return requestThreeDSecure;
    }

    public AttemptOutcome outcome() {
        return outcome;
    }

    public Optional<String> stripeStatus() {
        return Optional.ofNullable(stripeStatus);
    }

    public Optional<String> stripePaymentIntentId() {
        return Optional.ofNullable(stripePaymentIntentId);
    }

    public Optional<String> stripeChargeId() {
        return Optional.ofNullable(stripeChargeId);
    }

    public Optional<String> nextActionUrl() {
        return Optional.ofNullable(nextActionUrl);
    }

    public Optional<String> declineCode() {
        return Optional.ofNullable(declineCode);
    }

    public Optional<String> failureMessage() {
        return Optional.ofNullable(failureMessage);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** What the screening after the authorization (or after a SEPA debit's collection) decided. */
    public enum AuthorizationVerdict {
        SCREENING,
        ALLOW,
        REVIEW,
        BLOCK,
        APPROVED,
        REJECTED
    }

    /** Whether this is the request's current attempt. */
    public boolean currentOf(PaymentRequest request) {
        return request.currentAttemptId().filter(id()::equals).isPresent();
    }

    public Optional<AuthorizationVerdict> authorizationVerdict() {
        return Optional.ofNullable(authorizationVerdict);
    }

    /**
     * Whether fraud screening cleared the authorization for capture: its screening after the authorization allowed it,
     * or a review approved it. A blocked, rejected, still screening, in-review or never screened authorization is not.
     */
    public boolean clearedForCapture() {
        return authorizationVerdict == AuthorizationVerdict.ALLOW
                || authorizationVerdict == AuthorizationVerdict.APPROVED;
    }

    /** Whether a person (or the review policy) still has to decide before the authorization may be captured. */
    public boolean awaitingReview() {
        return authorizationVerdict == AuthorizationVerdict.SCREENING
                || authorizationVerdict == AuthorizationVerdict.REVIEW;
    }

    /** A claimed screening after the authorization that never recorded its verdict is given back, to be run again. */
    public void authorizationScreeningAbandoned(Instant now) {
        if (authorizationVerdict == AuthorizationVerdict.SCREENING) {
            authorizationVerdict = null;
            updatedAt = now;
        }
    }

    /** Records the screening after the authorization: its start, its verdict, or the review's decision. */
    public void authorizationScreened(AuthorizationVerdict verdict, Instant now) {
        authorizationVerdict = verdict;
        updatedAt = now;
    }
}
