package io.freightgate.billing.internal.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.RefundCreateParams;
import io.freightgate.billing.BilledRequest;
import io.freightgate.billing.internal.domain.ChargeRadar;
import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.StripeFailures;
import io.freightgate.platform.stripe.calls.StripeCalls;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Stripe adapter for paying: SEPA payment methods, PaymentIntents (create and confirm in one call, retrieve,
 * capture, cancel) and refunds. Every call carries an idempotency key derived from FreightGate's identity of the
 * operation, and every failure becomes a {@link ProviderOutcome}. PaymentIntents are read from the raw JSON (with the
 * latest charge expanded), so no Stripe type leaves this class.
 */
@Component
public class StripePayments {

    /** Metadata on every PaymentIntent, to find the request and the attempt from Stripe's side. */
    public static final String REQUEST_METADATA = "freightgate_payment_request";

    public static final String ATTEMPT_METADATA = "freightgate_payment_attempt";

    /** The refund reason that tells Stripe (and Radar) the payment was fraudulent. */
    public static final String FRAUDULENT = "fraudulent";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StripePayments.class);

    private final StripeClient stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    StripePayments(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** Everything the PaymentIntent call sends; rebuilt identically from the stored attempt when it is repeated. */
    public record IntentCall(
            PaymentRequestId requestId,
            PaymentAttemptId attemptId,
            UUID carrier,
            UUID shipper,
            String idempotencyKey,
            long amountMinor,
            String currency,
            boolean sepa,
            boolean manualCapture,
            String paymentMethodId,
            Optional<String> returnUrl,
            String loadReference,
            String description,
            Optional<Mandate> mandate,
            boolean requestThreeDSecure) {}

    public record Mandate(String ipAddress, String userAgent, Instant acceptedAt) {}

    /** A refund as Stripe answered it. */
    public record RefundResult(String id, String status, Optional<String> failureReason) {}

    /** A {@code sepa_debit} PaymentMethod from the payer's IBAN, name and email (moves no money). */
    public ProviderOutcome<String> createSepaPaymentMethod(
            PaymentAttemptId attemptId, String iban, String name, String email) {
        var params = PaymentMethodCreateParams.builder()
                .setType(PaymentMethodCreateParams.Type.SEPA_DEBIT)
                .setSepaDebit(PaymentMethodCreateParams.SepaDebit.builder()
                        .setIban(iban)
                        .build())
                .setBillingDetails(PaymentMethodCreateParams.BillingDetails.builder()
                        .setName(name)
                        .setEmail(email)
                        .build())
                .build();
        try {
            return new ProviderOutcome.Approved<>(stripe.v1()
                    .paymentMethods()
                    .create(params, key("fg-payment-method-" + attemptId))
                    .getId());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** Creates and confirms the PaymentIntent of an attempt. */
    public ProviderOutcome<PaymentIntentSnapshot> createIntent(IntentCall call) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(call.amountMinor())
                .setCurrency(call.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(call.paymentMethodId())
                .addPaymentMethodType(call.sepa() ? "sepa_debit" : "card")
                .setConfirm(true)
                .setCaptureMethod(
                        call.manualCapture()
                                ? PaymentIntentCreateParams.CaptureMethod.MANUAL
                                : PaymentIntentCreateParams.CaptureMethod.AUTOMATIC_ASYNC)
                .setTransferGroup(BilledRequest.transferGroup(call.requestId()))
                .setDescription(call.description())
                .setStatementDescriptorSuffix(statementDescriptorSuffix(call.loadReference()))
                .putAllMetadata(metadata(call))
                .addExpand("latest_charge.balance_transaction");
        call.returnUrl().filter(url -> !call.sepa()).ifPresent(params::setReturnUrl);
        call.mandate()
                .ifPresent(mandate -> params.setMandateData(PaymentIntentCreateParams.MandateData.builder()
                        .setCustomerAcceptance(PaymentIntentCreateParams.MandateData.CustomerAcceptance.builder()
                                .setType(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Type.ONLINE)
                                .setAcceptedAt(mandate.acceptedAt().getEpochSecond())
                                .setOnline(PaymentIntentCreateParams.MandateData.CustomerAcceptance.Online.builder()
                                        .setIpAddress(mandate.ipAddress())
                                        .setUserAgent(mandate.userAgent())
                                        .build())
                                .build())
                        .build()));
        if (call.requestThreeDSecure() && !call.sepa()) {
            // screening asked for 3-D Secure: the cheapest liability shift (docs/fraud.md, "Stage 1 in payments")
            params.setPaymentMethodOptions(PaymentIntentCreateParams.PaymentMethodOptions.builder()
                    .setCard(PaymentIntentCreateParams.PaymentMethodOptions.Card.builder()
                            .setRequestThreeDSecure(
                                    PaymentIntentCreateParams.PaymentMethodOptions.Card.RequestThreeDSecure.ANY)
                            .build())
                    .build());
        }
        try {
            PaymentIntent intent =
                    stripe.v1().paymentIntents().create(params.build(), recordedCall(call.idempotencyKey()));
            return parse(intent.getLastResponse().body());
        } catch (CardException e) {
            return new ProviderOutcome.Declined<>(
                    e.getDeclineCode() != null
                            ? e.getDeclineCode()
                            : Optional.ofNullable(e.getCode()).orElse("card_declined"),
                    Optional.ofNullable(e.getStripeError())
                            .map(error -> error.getMessage())
                            .orElse("The card was declined"));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /**
     * Stripe's fingerprint of a card PaymentMethod ({@code card.fingerprint}), read before the payment is screened. A
     * read that moves nothing, made outside any transaction; empty when Stripe does not answer, refuses or the method
     * is no card: screening then goes on without the fact, and the payment never fails for it.
     */
    public Optional<String> cardFingerprint(String paymentMethodId) {
        if (!paymentMethodId.matches("pm_[A-Za-z0-9_]{1,200}")) {
            return Optional.empty();
        }
        try {
            var response =
                    stripe.rawRequest(ApiResource.RequestMethod.GET, "/v1/payment_methods/" + paymentMethodId, null);
            return text(json.readTree(response.body()).path("card").path("fingerprint"));
        } catch (StripeException | RuntimeException e) {
            log.warn(
                    "No card fingerprint for PaymentMethod {}; screening goes on without it: {}",
                    paymentMethodId,
                    e.toString());
            return Optional.empty();
        }
    }

    /** The PaymentIntent as it is now, with its latest charge. */
    public ProviderOutcome<PaymentIntentSnapshot> retrieve(String paymentIntentId) {
        if (!paymentIntentId.matches("pi_[A-Za-z0-9]+")) {
            return new ProviderOutcome.NotAttempted<>("Not a PaymentIntent id");
        }
        try {
            var response = stripe.rawRequest(
                    ApiResource.RequestMethod.GET,
                    "/v1/payment_intents/" + paymentIntentId + "?expand[]=latest_charge.balance_transaction",
                    null);
            return parse(response.body());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** Captures an authorization in full. */
    public ProviderOutcome<PaymentIntentSnapshot> capture(String paymentIntentId, String idempotencyKey) {
        try {
            PaymentIntent intent = stripe.v1()
                    .paymentIntents()
                    .capture(
                            paymentIntentId,
                            PaymentIntentCaptureParams.builder()
                                    .addExpand("latest_charge.balance_transaction")
                                    .build(),
                            recordedCall(idempotencyKey));
            return parse(intent.getLastResponse().body());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** Cancels a PaymentIntent (releasing an authorization). */
    public ProviderOutcome<PaymentIntentSnapshot> cancel(String paymentIntentId, String idempotencyKey) {
        try {
            PaymentIntent intent = stripe.v1()
                    .paymentIntents()
                    .cancel(
                            paymentIntentId,
                            PaymentIntentCancelParams.builder()
                                    .setCancellationReason(
                                            PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER)
                                    .addExpand("latest_charge.balance_transaction")
                                    .build(),
                            recordedCall(idempotencyKey));
            return parse(intent.getLastResponse().body());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /**
     * Approves Stripe's own review ({@code prv_...}) of a charge FreightGate's review approved. It moves no money and
     * may be repeated: a review already closed is answered as approved. Called outside any transaction.
     */
    public ProviderOutcome<String> approveReview(String reviewId) {
        if (!reviewId.matches("prv_[A-Za-z0-9]+")) {
            return new ProviderOutcome.NotAttempted<>("Not a review id");
        }
        try {
            var response =
                    stripe.rawRequest(ApiResource.RequestMethod.POST, "/v1/reviews/" + reviewId + "/approve", "");
            return new ProviderOutcome.Approved<>(
                    json.readTree(response.body()).path("closed_reason").asString("approved"));
        } catch (com.stripe.exception.InvalidRequestException e) {
            if ("review_already_closed".equals(e.getCode())) {
                return new ProviderOutcome.Approved<>("already_closed");
            }
            return StripeFailures.failure(e);
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException e) {
            return new ProviderOutcome.Approved<>("approved");
        }
    }

    /**
     * The PaymentIntent FreightGate created for the attempt (found by its {@code freightgate_payment_attempt} metadata
     * among the PaymentIntents created from {@code since} to {@code until}), if Stripe has one: what a creation whose
     * answer was lost
     * became. A list, not Stripe's search: a list shows a PaymentIntent as soon as it exists, the search only after
     * its index caught up, and a search that misses it would let a creation be sent again.
     */
    public ProviderOutcome<Optional<PaymentIntentSnapshot>> findIntent(
            PaymentAttemptId attemptId, Instant since, Instant until) {
        String attempt = attemptId.toString();
        try {
            Optional<String> after = Optional.empty();
            while (true) {
                var response = stripe.rawRequest(
                        ApiResource.RequestMethod.GET,
                        "/v1/payment_intents?limit=100&created[gte]=" + since.getEpochSecond() + "&created[lte]="
                                + until.getEpochSecond()
                                + "&expand[]=data.latest_charge.balance_transaction"
                                + after.map(id -> "&starting_after=" + id).orElse(""),
                        null);
                JsonNode page = json.readTree(response.body());
                String last = null;
                for (JsonNode intent : page.path("data")) {
                    last = intent.path("id").asString("");
                    if (attempt.equals(
                            intent.path("metadata").path(ATTEMPT_METADATA).asString(""))) {
                        return new ProviderOutcome.Approved<>(Optional.of(snapshot(intent)));
                    }
                }
                if (!page.path("has_more").asBoolean(false) || last == null || last.isEmpty()) {
                    return new ProviderOutcome.Approved<>(Optional.empty());
                }
                after = Optional.of(last);
            }
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable PaymentIntents from Stripe: " + e.getMessage());
        }
    }

    /**
     * Refunds {@code amountMinor} of the PaymentIntent's charge, with Stripe's {@code reason} ({@code duplicate},
     * {@code fraudulent} or {@code requested_by_customer}) when given.
     */
    public ProviderOutcome<RefundResult> refund(
            String paymentIntentId,
            long amountMinor,
            PaymentRefundId refundId,
            String idempotencyKey,
            Optional<String> reason) {
        try {
            var params = RefundCreateParams.builder()
                    .setPaymentIntent(paymentIntentId)
                    .setAmount(amountMinor)
                    .putMetadata("freightgate_refund", refundId.toString());
            reason.ifPresent(r -> params.setReason(RefundCreateParams.Reason.valueOf(r.toUpperCase(Locale.ROOT))));
            var refund = stripe.v1()
                    .refunds()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(idempotencyKey)
                                    .setMaxNetworkRetries(StripeCalls.NETWORK_RETRIES)
                                    .build());
            return new ProviderOutcome.Approved<>(new RefundResult(
                    refund.getId(), refund.getStatus(), Optional.ofNullable(refund.getFailureReason())));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /**
     * The refund FreightGate made with id {@code refundId} on the PaymentIntent (found by its {@code freightgate_refund}
     * metadata), if Stripe has one: what a refund whose answer was lost became.
     */
    public ProviderOutcome<Optional<RefundResult>> findRefund(String paymentIntentId, PaymentRefundId refundId) {
        try {
            for (var refund : stripe.v1()
                    .refunds()
                    .list(com.stripe.param.RefundListParams.builder()
                            .setPaymentIntent(paymentIntentId)
                            .setLimit(100L)
                            .build())
                    .autoPagingIterable()) {
                if (refund.getMetadata() != null
                        && refundId.toString().equals(refund.getMetadata().get("freightgate_refund"))) {
                    return new ProviderOutcome.Approved<>(Optional.of(new RefundResult(
                            refund.getId(), refund.getStatus(), Optional.ofNullable(refund.getFailureReason()))));
                }
            }
            return new ProviderOutcome.Approved<>(Optional.empty());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** The PaymentIntent id in a {@code payment_intent.*} event, or the {@code payment_intent} of a charge/dispute. */
    public Optional<String> paymentIntentOf(String eventPayload) {
        try {
            JsonNode object = json.readTree(eventPayload).path("data").path("object");
            String type = object.path("object").asString("");
            JsonNode id = "payment_intent".equals(type) ? object.path("id") : object.path("payment_intent");
            return id.isString() && id.asString().startsWith("pi_") ? Optional.of(id.asString()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * The statement descriptor suffix carrying the load reference, so the shipper's statement names the load (which
     * prevents "unrecognized" disputes): Latin letters, digits, spaces, dots and dashes only, at most 22 characters,
     * at least one letter.
     */
    public static String statementDescriptorSuffix(String loadReference) {
        String cleaned = loadReference
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9 .\\-]", "")
                .trim();
        String suffix = ("LOAD " + cleaned).trim();
        return suffix.length() > 22 ? suffix.substring(0, 22).trim() : suffix;
    }

    private static Map<String, String> metadata(IntentCall call) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(REQUEST_METADATA, call.requestId().toString());
        metadata.put(ATTEMPT_METADATA, call.attemptId().toString());
        metadata.put("freightgate_carrier", call.carrier().toString());
        metadata.put("freightgate_shipper", call.shipper().toString());
        metadata.put("load_reference", call.loadReference());
        return metadata;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** A recorded Stripe call's send: one request, its network retries being the janitor's. */
    private static RequestOptions recordedCall(String idempotencyKey) {
        return RequestOptions.builder()
                .setIdempotencyKey(idempotencyKey)
                .setMaxNetworkRetries(StripeCalls.NETWORK_RETRIES)
                .build();
    }

    private ProviderOutcome<PaymentIntentSnapshot> parse(String body) {
        try {
            return new ProviderOutcome.Approved<>(snapshot(json.readTree(body)));
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable PaymentIntent from Stripe: " + e.getMessage());
        }
    }

    static PaymentIntentSnapshot snapshot(JsonNode intent) {
        String id = intent.path("id").asString("");
        if (!id.startsWith("pi_")) {
            throw new IllegalArgumentException("No PaymentIntent id");
        }
        JsonNode charge = intent.path("latest_charge");
        Optional<String> chargeId = charge.isString() ? Optional.of(charge.asString()) : text(charge.path("id"));
        Optional<Instant> captureBefore = charge.path("payment_method_details")
                        .path("card")
                        .path("capture_before")
                        .isIntegralNumber()
                ? Optional.of(Instant.ofEpochSecond(charge.path("payment_method_details")
                        .path("card")
                        .path("capture_before")
                        .asLong()))
                : Optional.empty();
        JsonNode error = intent.path("last_payment_error");
        Optional<String> decline = text(error.path("decline_code")).or(() -> text(error.path("code")));
        JsonNode paymentMethod = intent.path("payment_method");
        return new PaymentIntentSnapshot(
                id,
                intent.path("status").asString(""),
                intent.path("amount").asLong(0),
                intent.path("amount_received").asLong(0),
                intent.path("amount_capturable").asLong(0),
                intent.path("currency").asString("").toUpperCase(Locale.ROOT),
                chargeId,
                text(intent.path("next_action").path("redirect_to_url").path("url")),
                decline,
                text(error.path("message")),
                captureBefore,
                text(intent.path("metadata").path(ATTEMPT_METADATA)),
                paymentMethod.isString() ? Optional.of(paymentMethod.asString()) : text(paymentMethod.path("id")),
                charge.path("balance_transaction").path("fee").isIntegralNumber()
                        ? Optional.of(
                                charge.path("balance_transaction").path("fee").asLong())
                        : Optional.empty(),
                radar(charge));
    }

    /** Radar's outcome, the review and the 3-D Secure result of an expanded charge ({@link ChargeRadar#NONE} if not). */
    static ChargeRadar radar(JsonNode charge) {
        if (!charge.isObject()) {
            return ChargeRadar.NONE;
        }
        JsonNode outcome = charge.path("outcome");
        JsonNode card = charge.path("payment_method_details").path("card");
        JsonNode rule = outcome.path("rule");
        JsonNode review = charge.path("review");
        return new ChargeRadar(
                text(outcome.path("risk_level")),
                outcome.path("risk_score").isIntegralNumber()
                        ? Optional.of(outcome.path("risk_score").asLong())
                        : Optional.empty(),
                text(outcome.path("type")),
                rule.isString() ? text(rule) : text(rule.path("id")),
                text(outcome.path("network_status")),
                text(outcome.path("seller_message")),
                text(card.path("three_d_secure").path("result")),
                text(card.path("checks").path("cvc_check")),
                review.isString() ? text(review) : text(review.path("id")));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}
