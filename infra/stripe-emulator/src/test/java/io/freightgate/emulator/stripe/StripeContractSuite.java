package io.freightgate.emulator.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.Review;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.net.Webhook;
import com.stripe.param.ChargeUpdateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every part-1 behaviour driven through stripe-java 33.3.0's {@link StripeClient}. Run against the embedded server
 * ({@link EmbeddedStripeContractTest}) and the standalone jar ({@link StandaloneStripeContractIT}).
 */
abstract class StripeContractSuite {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** The emulator's base URL. */
    abstract String baseUrl();

    /** The control surface of the emulator under test. */
    abstract EmulatorControl control();

    /** The clock to verify webhook signatures with. */
    Clock verificationClock() {
        return Clock.systemUTC();
    }

    final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        control().clearFaults();
        control().rateLimits(false);
        control().webhookBehaviour(WebhookBehaviour.normal());
        for (AutoCloseable c : closeables) {
            c.close();
        }
        closeables.clear();
    }

    static String newKey() {
        return "sk_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    StripeClient client(String key) {
        return client(key, 0);
    }

    StripeClient client(String key, int retries) {
        return StripeClient.builder()
                .setApiKey(key)
                .setApiBase(baseUrl())
                .setFilesBase(baseUrl())
                .setConnectBase(baseUrl())
                .setMaxNetworkRetries(retries)
                .setReadTimeout(5_000)
                .build();
    }

    static PaymentIntentCreateParams.Builder payment(long amount, String pm) {
        return PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency("usd")
                .setPaymentMethod(pm)
                .setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);
    }

    /** A webhook endpoint for every event of {@code key} pointing at a fresh loopback receiver. */
    record Hook(WebhookReceiver receiver, String secret, String id) {}

    Hook hook(StripeClient client, boolean connect) throws StripeException {
        WebhookReceiver receiver = new WebhookReceiver();
        closeables.add(receiver);
        WebhookEndpoint we = client.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl(receiver.url())
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL)
                        .setApiVersion(WebhookEndpointCreateParams.ApiVersion.VERSION_2026_07_29_DAHLIA)
                        .setConnect(connect)
                        .build());
        assertThat(we.getSecret()).startsWith("whsec_");
        return new Hook(receiver, we.getSecret(), we.getId());
    }

    Event verify(Hook hook, WebhookReceiver.Received r) throws Exception {
        Event event = Webhook.constructEvent(r.body(), r.signature(), hook.secret(), 300, verificationClock());
        assertThat(event.getApiVersion()).isEqualTo("2026-07-29.dahlia");
        assertThat(event.getDataObjectDeserializer().getObject())
                .as("data.object of %s deserializes", event.getType())
                .isPresent();
        return event;
    }

    List<Event> events(Hook hook, int count) throws Exception {
        List<Event> out = new ArrayList<>();
        for (WebhookReceiver.Received r : hook.receiver().await(count, WAIT)) {
            out.add(verify(hook, r));
        }
        return out;
    }

    /** The delivery of an event once it is no longer pending (the receiver sees the request before it is logged). */
    WebhookDelivery settledDelivery(String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            WebhookDelivery d = control().deliveries().stream()
                    .filter(x -> x.eventId().equals(eventId))
                    .findFirst()
                    .orElse(null);
            if (d != null && !d.status().equals("pending") || System.nanoTime() > deadline) {
                return d;
            }
            Thread.sleep(20);
        }
    }

    // ---------------------------------------------------------------- wire protocol

    @Test
    void rejectsMissingAndLiveKeysWithStripesErrorShape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/customers"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Request-Id"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
        assertThat(JsonParser.parseString(response.body())
                        .getAsJsonObject()
                        .getAsJsonObject("error")
                        .get("type")
                        .getAsString())
                .isEqualTo("invalid_request_error");

        AuthenticationException e = catchThrowableOfType(
                AuthenticationException.class,
                () -> client("sk_live_abcdefghijklmnop").v1().customers().list());
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getRequestId()).startsWith("req_");
    }

    @Test
    void unknownUrlAndUnknownParameterAreInvalidRequests() {
        StripeClient client = client(newKey());
        InvalidRequestException unknownParam = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .putExtraParam("shoe_size", "42")
                        .build()));
        assertThat(unknownParam.getCode()).isEqualTo("parameter_unknown");
        assertThat(unknownParam.getParam()).isEqualTo("shoe_size");

        InvalidRequestException missing = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder().setCurrency("usd").build()));
        assertThat(missing.getCode()).isEqualTo("parameter_missing");
        assertThat(missing.getParam()).isEqualTo("amount");

        InvalidRequestException notFound = catchThrowableOfType(
                InvalidRequestException.class,
                () -> client.v1().paymentIntents().retrieve("pi_missing"));
        assertThat(notFound.getStatusCode()).isEqualTo(404);
        assertThat(notFound.getCode()).isEqualTo("resource_missing");
    }

    @Test
    void customersCrudListPaginationAndUpdatedEventWithPreviousAttributes() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook hook = hook(client, false);
        Customer a = client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setEmail("a@carrier.example")
                        .setName("Carrier A")
                        .putMetadata("tenant", "t1")
                        .build());
        client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setEmail("b@carrier.example")
                        .build());
        Customer c = client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setEmail("c@carrier.example")
                        .build());
        assertThat(a.getId()).startsWith("cus_");
        assertThat(a.getMetadata()).containsEntry("tenant", "t1");
        assertThat(a.getLivemode()).isFalse();

        StripeCollection<Customer> page1 = client.v1()
                .customers()
                .list(CustomerListParams.builder().setLimit(2L).build());
        assertThat(page1.getData()).extracting(Customer::getId).first().isEqualTo(c.getId());
        assertThat(page1.getHasMore()).isTrue();
        StripeCollection<Customer> page2 = client.v1()
                .customers()
                .list(CustomerListParams.builder()
                        .setLimit(2L)
                        .setStartingAfter(page1.getData().get(1).getId())
                        .build());
        assertThat(page2.getData()).extracting(Customer::getId).containsExactly(a.getId());
        assertThat(page2.getHasMore()).isFalse();
        assertThat(client.v1()
                        .customers()
                        .list(CustomerListParams.builder()
                                .setEmail("c@carrier.example")
                                .build())
                        .getData())
                .hasSize(1);

        Customer updated = client.v1()
                .customers()
                .update(
                        a.getId(),
                        CustomerUpdateParams.builder()
                                .setName("Carrier A GmbH")
                                .putMetadata("tenant", "t2")
                                .build());
        assertThat(updated.getName()).isEqualTo("Carrier A GmbH");

        List<Event> events = events(hook, 4);
        Event updatedEvent = events.stream()
                .filter(e -> e.getType().equals("customer.updated"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> previous = updatedEvent.getData().getPreviousAttributes();
        assertThat(previous).containsEntry("name", "Carrier A");
        assertThat(previous.get("metadata")).isEqualTo(Map.of("tenant", "t1"));
        assertThat(updatedEvent.getRequest().getId()).startsWith("req_");
        assertThat(((Customer) updatedEvent
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getName())
                .isEqualTo("Carrier A GmbH");

        Customer deleted = client.v1().customers().delete(a.getId());
        assertThat(deleted.getDeleted()).isTrue();
        assertThat(client.v1().customers().retrieve(a.getId()).getDeleted()).isTrue();
    }

    // ---------------------------------------------------------------- payment methods

    @Test
    void paymentMethodsFromRawNumbersTestIdsAttachAndList() throws Exception {
        StripeClient client = client(newKey());
        Customer customer =
                client.v1().customers().create(CustomerCreateParams.builder().build());
        PaymentMethod raw = client.v1()
                .paymentMethods()
                .create(PaymentMethodCreateParams.builder()
                        .setType(PaymentMethodCreateParams.Type.CARD)
                        .setCard(PaymentMethodCreateParams.CardDetails.builder()
                                .setNumber("5555555555554444")
                                .setExpMonth(12L)
                                .setExpYear(2040L)
                                .setCvc("123")
                                .build())
                        .build());
        assertThat(raw.getId()).startsWith("pm_");
        assertThat(raw.getCard().getBrand()).isEqualTo("mastercard");
        assertThat(raw.getCard().getLast4()).isEqualTo("4444");

        PaymentMethod attached = client.v1()
                .paymentMethods()
                .attach(
                        raw.getId(),
                        PaymentMethodAttachParams.builder()
                                .setCustomer(customer.getId())
                                .build());
        assertThat(attached.getCustomer()).isEqualTo(customer.getId());
        PaymentMethod visa = client.v1().paymentMethods().retrieve("pm_card_visa");
        assertThat(visa.getCard().getLast4()).isEqualTo("4242");
        assertThat(client.v1()
                        .paymentMethods()
                        .list(PaymentMethodListParams.builder()
                                .setCustomer(customer.getId())
                                .build())
                        .getData())
                .extracting(PaymentMethod::getId)
                .containsExactly(raw.getId());

        CardException wrongNumber = catchThrowableOfType(CardException.class, () -> client.v1()
                .paymentMethods()
                .create(PaymentMethodCreateParams.builder()
                        .setType(PaymentMethodCreateParams.Type.CARD)
                        .setCard(PaymentMethodCreateParams.CardDetails.builder()
                                .setNumber("4242424242424241")
                                .setExpMonth(12L)
                                .setExpYear(2040L)
                                .build())
                        .build()));
        assertThat(wrongNumber.getCode()).isEqualTo("incorrect_number");

        CardException attachDecline = catchThrowableOfType(CardException.class, () -> client.v1()
                .paymentMethods()
                .attach(
                        "pm_card_chargeDeclined",
                        PaymentMethodAttachParams.builder()
                                .setCustomer(customer.getId())
                                .build()));
        assertThat(attachDecline.getDeclineCode()).isEqualTo("generic_decline");
        PaymentMethod customerFail = client.v1()
                .paymentMethods()
                .attach(
                        "pm_card_chargeCustomerFail",
                        PaymentMethodAttachParams.builder()
                                .setCustomer(customer.getId())
                                .build());
        assertThat(customerFail.getCustomer()).isEqualTo(customer.getId());
    }

    // ---------------------------------------------------------------- payment intents

    @Test
    void automaticCaptureSucceedsWithChargeOutcomeAndBalanceTransactionFees() throws Exception {
        StripeClient client = client(newKey());
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(10_000, "pm_card_visa")
                        .putMetadata("shipment", "SHP-1")
                        .setTransferGroup("order_42")
                        .build());
        assertThat(pi.getId()).startsWith("pi_");
        assertThat(pi.getStatus()).isEqualTo("succeeded");
        assertThat(pi.getAmountReceived()).isEqualTo(10_000L);
        assertThat(pi.getMetadata()).containsEntry("shipment", "SHP-1");
        assertThat(pi.getTransferGroup()).isEqualTo("order_42");
        assertThat(pi.getPaymentMethod()).startsWith("pm_").isNotEqualTo("pm_card_visa");

        PaymentIntent expanded = client.v1()
                .paymentIntents()
                .retrieve(
                        pi.getId(),
                        PaymentIntentRetrieveParams.builder()
                                .addExpand("latest_charge.balance_transaction")
                                .build());
        Charge charge = expanded.getLatestChargeObject();
        assertThat(charge.getId()).startsWith("ch_");
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getCaptured()).isTrue();
        assertThat(charge.getOutcome().getType()).isEqualTo("authorized");
        assertThat(charge.getOutcome().getNetworkStatus()).isEqualTo("approved_by_network");
        assertThat(charge.getOutcome().getRiskLevel()).isEqualTo("normal");
        assertThat(charge.getOutcome().getRiskScore()).isBetween(0L, 64L);
        assertThat(charge.getMetadata()).containsEntry("shipment", "SHP-1");
        assertThat(charge.getTransferGroup()).isEqualTo("order_42");
        BalanceTransaction txn = charge.getBalanceTransactionObject();
        assertThat(txn.getId()).startsWith("txn_");
        assertThat(txn.getFee()).isEqualTo(320L); // 2.9% + 30
        assertThat(txn.getNet()).isEqualTo(9_680L);
        assertThat(txn.getStatus()).isEqualTo("pending");
        assertThat(txn.getFeeDetails()).singleElement().satisfies(f -> assertThat(f.getType())
                .isEqualTo("stripe_fee"));
        assertThat(client.v1().balanceTransactions().retrieve(txn.getId()).getSource())
                .isEqualTo(charge.getId());
    }

    @Test
    void automaticAsyncCaptureFillsBalanceTransactionLaterWithChargeUpdated() throws Exception {
        StripeClient client = client(newKey());
        Hook hook = hook(client, false);
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(2_000L)
                        .setCurrency("eur")
                        .setPaymentMethod("pm_card_bypassPending")
                        .setConfirm(true)
                        .build());
        assertThat(pi.getCaptureMethod()).isEqualTo("automatic_async");
        assertThat(pi.getStatus()).isEqualTo("succeeded");
        List<Event> events = events(hook, 4);
        assertThat(events)
                .extracting(Event::getType)
                .contains("payment_intent.created", "charge.succeeded", "payment_intent.succeeded", "charge.updated");
        Event updated = events.stream()
                .filter(e -> e.getType().equals("charge.updated"))
                .findFirst()
                .orElseThrow();
        assertThat(updated.getData().getPreviousAttributes()).containsKey("balance_transaction");
        Charge charge = (Charge) updated.getDataObjectDeserializer().getObject().orElseThrow();
        BalanceTransaction txn = client.v1().balanceTransactions().retrieve(charge.getBalanceTransaction());
        assertThat(txn.getFee()).isEqualTo(55L); // 1.5% + 25 (eur)
        assertThat(txn.getStatus()).isEqualTo("available"); // pm_card_bypassPending
    }

    static Stream<Arguments> declines() {
        return Stream.of(
                Arguments.of("pm_card_chargeDeclined", "card_declined", "generic_decline"),
                Arguments.of("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"),
                Arguments.of("pm_card_chargeDeclinedLostCard", "card_declined", "lost_card"),
                Arguments.of("pm_card_chargeDeclinedStolenCard", "card_declined", "stolen_card"),
                Arguments.of("pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"),
                Arguments.of("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc"),
                Arguments.of("pm_card_chargeDeclinedProcessingError", "processing_error", "processing_error"),
                Arguments.of("pm_card_chargeDeclinedVelocityLimitExceeded", "card_declined", "card_velocity_exceeded"),
                Arguments.of("pm_card_chargeCustomerFail", "card_declined", "generic_decline"));
    }

    @ParameterizedTest
    @MethodSource("declines")
    void issuerDeclinesAre402CardErrorsWithFailedCharge(String pm, String code, String declineCode) throws Exception {
        StripeClient client = client(newKey());
        CardException e = catchThrowableOfType(
                CardException.class,
                () -> client.v1().paymentIntents().create(payment(5_000, pm).build()));
        assertThat(e.getStatusCode()).isEqualTo(402);
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getDeclineCode()).isEqualTo(declineCode);
        assertThat(e.getCharge()).startsWith("ch_");
        StripeError error = e.getStripeError();
        assertThat(error.getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
        assertThat(error.getPaymentIntent().getLastPaymentError().getDeclineCode())
                .isEqualTo(declineCode);
        Charge charge = client.v1().charges().retrieve(e.getCharge());
        assertThat(charge.getStatus()).isEqualTo("failed");
        assertThat(charge.getFailureCode()).isEqualTo(code);
        assertThat(charge.getOutcome().getType()).isEqualTo("issuer_declined");
        assertThat(charge.getOutcome().getNetworkStatus()).isEqualTo("declined_by_network");
        assertThat(charge.getOutcome().getReason()).isEqualTo(declineCode);
    }

    @Test
    void radarHighestRiskIsBlockedAndElevatedRiskOpensAReview() throws Exception {
        StripeClient client = client(newKey());
        for (String pm : List.of("pm_card_riskLevelHighest", "pm_card_chargeDeclinedFraudulent")) {
            CardException e = catchThrowableOfType(
                    CardException.class,
                    () -> client.v1().paymentIntents().create(payment(5_000, pm).build()));
            assertThat(e.getDeclineCode()).isEqualTo("fraudulent");
            Charge blocked = client.v1().charges().retrieve(e.getCharge());
            Charge.Outcome outcome = blocked.getOutcome();
            assertThat(outcome.getType()).isEqualTo("blocked");
            assertThat(outcome.getNetworkStatus()).isEqualTo("not_sent_to_network");
            assertThat(outcome.getReason()).isEqualTo("highest_risk_level");
            assertThat(outcome.getRiskLevel()).isEqualTo("highest");
            assertThat(outcome.getRiskScore()).isGreaterThanOrEqualTo(75L);
            assertThat(outcome.getRule()).isEqualTo("block_if_high_risk");
        }
        PaymentIntent elevated = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_riskLevelElevated").build());
        assertThat(elevated.getStatus()).isEqualTo("succeeded");
        Charge charge = client.v1().charges().retrieve(elevated.getLatestCharge());
        assertThat(charge.getOutcome().getType()).isEqualTo("manual_review");
        assertThat(charge.getOutcome().getRiskLevel()).isEqualTo("elevated");
        assertThat(charge.getOutcome().getRiskScore()).isBetween(65L, 74L);
        Review review = client.v1().reviews().retrieve(charge.getReview());
        assertThat(review.getOpen()).isTrue();
        assertThat(review.getReason()).isEqualTo("rule");
        assertThat(client.v1().reviews().approve(review.getId()).getReason()).isEqualTo("approved");

        PaymentIntent cvcFail = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_cvcCheckFail").build());
        assertThat(client.v1()
                        .charges()
                        .retrieve(cvcFail.getLatestCharge())
                        .getPaymentMethodDetails()
                        .getCard()
                        .getChecks()
                        .getCvcCheck())
                .isEqualTo("fail");
    }

    @Test
    void threeDSecureRequiresActionAndCompletesViaControlCall() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook hook = hook(client, false);
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(7_500, "pm_card_threeDSecure2Required")
                        .setReturnUrl("https://gateway.example/return")
                        .build());
        assertThat(pi.getStatus()).isEqualTo("requires_action");
        assertThat(pi.getNextAction().getType()).isEqualTo("redirect_to_url");
        assertThat(pi.getNextAction().getRedirectToUrl().getReturnUrl()).isEqualTo("https://gateway.example/return");
        assertThat(pi.getNextAction().getRedirectToUrl().getUrl()).startsWith(baseUrl() + "/_emulator/3ds/");

        assertThat(control().authenticate(key, null, pi.getId(), true)).isEqualTo("succeeded");
        PaymentIntent done = client.v1()
                .paymentIntents()
                .retrieve(
                        pi.getId(),
                        PaymentIntentRetrieveParams.builder()
                                .addExpand("latest_charge")
                                .build());
        assertThat(done.getStatus()).isEqualTo("succeeded");
        assertThat(done.getNextAction()).isNull();
        var threeDs =
                done.getLatestChargeObject().getPaymentMethodDetails().getCard().getThreeDSecure();
        assertThat(threeDs.getResult()).isEqualTo("authenticated");
        assertThat(threeDs.getAuthenticationFlow()).isEqualTo("challenge");
        assertThat(threeDs.getVersion()).isEqualTo("2.2.0");
        assertThat(events(hook, 4))
                .extracting(Event::getType)
                .containsExactly(
                        "payment_intent.created",
                        "payment_intent.requires_action",
                        "charge.succeeded",
                        "payment_intent.succeeded");
    }

    @Test
    void threeDSecureRedirectPageCompletesOrFailsAndRedirectsToReturnUrl() throws Exception {
        StripeClient client = client(newKey());
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        PaymentIntent ok = client.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_authenticationRequired")
                        .setReturnUrl("https://gateway.example/return?order=1")
                        .build());
        String url = ok.getNextAction().getRedirectToUrl().getUrl();
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Complete authentication").contains(ok.getId());
        HttpResponse<String> submitted = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=complete"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location").orElseThrow())
                .startsWith("https://gateway.example/return?order=1&payment_intent=" + ok.getId())
                .contains("redirect_status=succeeded");
        assertThat(client.v1().paymentIntents().retrieve(ok.getId()).getStatus())
                .isEqualTo("succeeded");

        PaymentIntent failing = client.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_threeDSecure2Required")
                        .setReturnUrl("https://gateway.example/return")
                        .build());
        HttpResponse<String> failed = http.send(
                HttpRequest.newBuilder(URI.create(
                                failing.getNextAction().getRedirectToUrl().getUrl()))
                        .POST(HttpRequest.BodyPublishers.ofString("action=fail"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("redirect_status=failed");
        PaymentIntent after = client.v1().paymentIntents().retrieve(failing.getId());
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getLastPaymentError().getCode()).isEqualTo("payment_intent_authentication_failure");
    }

    @Test
    void threeDSecureOffSessionAndAuthenticateThenDecline() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        CardException offSession = catchThrowableOfType(CardException.class, () -> client.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_authenticationRequired")
                        .setOffSession(true)
                        .build()));
        assertThat(offSession.getCode()).isEqualTo("authentication_required");
        assertThat(offSession.getDeclineCode()).isEqualTo("authentication_required");

        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_threeDSecureRequiredChargeDeclined")
                        .setReturnUrl("https://gateway.example/return")
                        .build());
        assertThat(pi.getStatus()).isEqualTo("requires_action");
        assertThat(control().authenticate(key, null, pi.getId(), true)).isEqualTo("requires_payment_method");
        PaymentIntent after = client.v1().paymentIntents().retrieve(pi.getId());
        assertThat(after.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");
        assertThat(client.v1()
                        .charges()
                        .retrieve(after.getLatestCharge())
                        .getPaymentMethodDetails()
                        .getCard()
                        .getThreeDSecure()
                        .getResult())
                .isEqualTo("authenticated");

        // request_three_d_secure=any on a card that supports but does not require 3DS (4000000000003055)
        PaymentIntent requested = client.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_threeDSecureOptional")
                        .setReturnUrl("https://gateway.example/return")
                        .putExtraParam(
                                "payment_method_options", Map.of("card", Map.of("request_three_d_secure", "any")))
                        .build());
        assertThat(requested.getStatus()).isEqualTo("requires_action");
        assertThat(control().authenticate(key, null, requested.getId(), false)).isEqualTo("requires_payment_method");
    }

    @Test
    void threeDSecureRequestedOnACardNotEnrolledAsksNothingAndPays() throws Exception {
        StripeClient client = client(newKey());
        // 4242424242424242 supports 3DS but is not enrolled: "if 3D Secure is invoked, the customer isn't asked to
        // authenticate" (docs.stripe.com/testing); the attempt is acknowledged on the charge
        PaymentIntent requested = client.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_visa")
                        .setReturnUrl("https://gateway.example/return")
                        .putExtraParam(
                                "payment_method_options", Map.of("card", Map.of("request_three_d_secure", "any")))
                        .build());
        assertThat(requested.getStatus()).isEqualTo("succeeded");
        assertThat(requested.getNextAction()).isNull();
        var threeDs = client.v1()
                .charges()
                .retrieve(requested.getLatestCharge())
                .getPaymentMethodDetails()
                .getCard()
                .getThreeDSecure();
        assertThat(threeDs.getResult()).isEqualTo("attempt_acknowledged");
        assertThat(threeDs.getResultReason()).isEqualTo("card_not_enrolled");
        // without the request, the same card pays with no 3-D Secure at all
        PaymentIntent plain = client.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_visa").build());
        assertThat(client.v1()
                        .charges()
                        .retrieve(plain.getLatestCharge())
                        .getPaymentMethodDetails()
                        .getCard()
                        .getThreeDSecure())
                .isNull();
    }

    @Test
    void confirmationFlowFromRequiresPaymentMethodToSucceeded() throws Exception {
        StripeClient client = client(newKey());
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(3_000L)
                        .setCurrency("usd")
                        .build());
        assertThat(pi.getStatus()).isEqualTo("requires_payment_method");
        assertThat(pi.getClientSecret()).startsWith(pi.getId() + "_secret_");
        PaymentIntent withPm = client.v1()
                .paymentIntents()
                .update(
                        pi.getId(),
                        com.stripe.param.PaymentIntentUpdateParams.builder()
                                .setPaymentMethod("pm_card_mastercard")
                                .build());
        assertThat(withPm.getStatus()).isEqualTo("requires_confirmation");
        PaymentIntent confirmed = client.v1()
                .paymentIntents()
                .confirm(pi.getId(), PaymentIntentConfirmParams.builder().build());
        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        InvalidRequestException again = catchThrowableOfType(
                InvalidRequestException.class,
                () -> client.v1().paymentIntents().confirm(pi.getId()));
        assertThat(again.getCode()).isEqualTo("payment_intent_unexpected_state");
        InvalidRequestException cancel = catchThrowableOfType(
                InvalidRequestException.class,
                () -> client.v1().paymentIntents().cancel(pi.getId()));
        assertThat(cancel.getCode()).isEqualTo("payment_intent_unexpected_state");

        PaymentIntent toCancel = client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(3_000L)
                        .setCurrency("usd")
                        .setPaymentMethod("pm_card_visa")
                        .build());
        PaymentIntent canceled = client.v1()
                .paymentIntents()
                .cancel(
                        toCancel.getId(),
                        PaymentIntentCancelParams.builder()
                                .setCancellationReason(
                                        PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER)
                                .build());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationReason()).isEqualTo("requested_by_customer");
        assertThat(canceled.getCanceledAt()).isNotNull();
    }

    @Test
    void manualCapturePartialCaptureAndCancelReleasingAuthorization() throws Exception {
        StripeClient client = client(newKey());
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(10_000, "pm_card_visa")
                        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                        .build());
        assertThat(pi.getStatus()).isEqualTo("requires_capture");
        assertThat(pi.getAmountCapturable()).isEqualTo(10_000L);
        Charge auth = client.v1().charges().retrieve(pi.getLatestCharge());
        assertThat(auth.getCaptured()).isFalse();
        assertThat(auth.getBalanceTransaction()).isNull();
        assertThat(auth.getPaymentMethodDetails().getCard().getCaptureBefore())
                .isEqualTo(auth.getCreated() + Duration.ofDays(7).toSeconds());

        InvalidRequestException tooMuch = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .paymentIntents()
                .capture(
                        pi.getId(),
                        PaymentIntentCaptureParams.builder()
                                .setAmountToCapture(20_000L)
                                .build()));
        assertThat(tooMuch.getCode()).isEqualTo("amount_too_large");
        PaymentIntent captured = client.v1()
                .paymentIntents()
                .capture(
                        pi.getId(),
                        PaymentIntentCaptureParams.builder()
                                .setAmountToCapture(6_000L)
                                .build());
        assertThat(captured.getStatus()).isEqualTo("succeeded");
        assertThat(captured.getAmountReceived()).isEqualTo(6_000L);
        Charge charge = client.v1().charges().retrieve(pi.getLatestCharge());
        assertThat(charge.getAmountCaptured()).isEqualTo(6_000L);
        assertThat(charge.getAmountRefunded()).isEqualTo(4_000L);
        assertThat(client.v1()
                        .balanceTransactions()
                        .retrieve(charge.getBalanceTransaction())
                        .getAmount())
                .isEqualTo(6_000L);

        PaymentIntent other = client.v1()
                .paymentIntents()
                .create(payment(10_000, "pm_card_visa")
                        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                        .build());
        PaymentIntent released = client.v1().paymentIntents().cancel(other.getId());
        assertThat(released.getStatus()).isEqualTo("canceled");
        assertThat(released.getAmountCapturable()).isZero();
        assertThat(client.v1().charges().retrieve(other.getLatestCharge()).getRefunded())
                .isTrue();
    }

    @Test
    void uncapturedAuthorizationExpiresAfterSevenEmulatedDays() throws Exception {
        StripeClient client = client(newKey());
        Hook hook = hook(client, false);
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(4_000, "pm_card_visa")
                        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                        .build());
        control().advanceClock(Duration.ofDays(6));
        assertThat(client.v1().paymentIntents().retrieve(pi.getId()).getStatus())
                .isEqualTo("requires_capture");
        control().advanceClock(Duration.ofDays(1).plusMinutes(1));
        PaymentIntent expired = client.v1().paymentIntents().retrieve(pi.getId());
        assertThat(expired.getStatus()).isEqualTo("canceled");
        assertThat(expired.getCancellationReason()).isEqualTo("automatic");
        Charge charge = client.v1().charges().retrieve(pi.getLatestCharge());
        assertThat(charge.getRefunded()).isTrue();
        InvalidRequestException late = catchThrowableOfType(
                InvalidRequestException.class,
                () -> client.v1().paymentIntents().capture(pi.getId()));
        assertThat(late.getCode()).isEqualTo("payment_intent_unexpected_state");
        List<Event> events = events(hook, 5);
        assertThat(events).extracting(Event::getType).contains("charge.expired", "payment_intent.canceled");
        Event expiredEvent = events.stream()
                .filter(e -> e.getType().equals("charge.expired"))
                .findFirst()
                .orElseThrow();
        assertThat(expiredEvent.getRequest().getId()).isNull();
    }

    // ---------------------------------------------------------------- refunds

    @Test
    void fullAndPartialRefundsWithLimits() throws Exception {
        StripeClient client = client(newKey());
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(10_000, "pm_card_visa").build());
        Refund partial = client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(pi.getId())
                        .setAmount(3_000L)
                        .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                        .putMetadata("claim", "C-1")
                        .build());
        assertThat(partial.getId()).startsWith("re_");
        assertThat(partial.getStatus()).isEqualTo("succeeded");
        assertThat(partial.getCharge()).isEqualTo(pi.getLatestCharge());
        assertThat(client.v1()
                        .balanceTransactions()
                        .retrieve(partial.getBalanceTransaction())
                        .getAmount())
                .isEqualTo(-3_000L);
        InvalidRequestException tooLarge = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(pi.getLatestCharge())
                        .setAmount(8_000L)
                        .build()));
        assertThat(tooLarge.getCode()).isEqualTo("amount_too_large");
        Refund rest = client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(pi.getLatestCharge())
                        .build());
        assertThat(rest.getAmount()).isEqualTo(7_000L);
        Charge charge = client.v1()
                .charges()
                .retrieve(
                        pi.getLatestCharge(),
                        com.stripe.param.ChargeRetrieveParams.builder()
                                .addExpand("refunds")
                                .build());
        assertThat(charge.getRefunded()).isTrue();
        assertThat(charge.getAmountRefunded()).isEqualTo(10_000L);
        assertThat(charge.getRefunds().getData()).hasSize(2);
        InvalidRequestException already = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(pi.getLatestCharge())
                        .build()));
        assertThat(already.getCode()).isEqualTo("charge_already_refunded");
    }

    @Test
    void pendingRefundSucceedsAndFailingRefundFailsAsTimePasses() throws Exception {
        StripeClient client = client(newKey());
        Hook hook = hook(client, false);
        PaymentIntent pending = client.v1()
                .paymentIntents()
                .create(payment(2_000, "pm_card_pendingRefund").build());
        PaymentIntent failing = client.v1()
                .paymentIntents()
                .create(payment(2_000, "pm_card_refundFail").build());
        Refund r1 = client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(pending.getId())
                        .build());
        Refund r2 = client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(failing.getId())
                        .build());
        assertThat(r1.getStatus()).isEqualTo("pending");
        assertThat(r2.getStatus()).isEqualTo("succeeded");
        control().advanceClock(Duration.ofMinutes(2));
        assertThat(client.v1().refunds().retrieve(r1.getId()).getStatus()).isEqualTo("succeeded");
        Refund failed = client.v1().refunds().retrieve(r2.getId());
        assertThat(failed.getStatus()).isEqualTo("failed");
        assertThat(failed.getFailureReason()).isEqualTo("expired_or_canceled_card");
        assertThat(failed.getFailureBalanceTransaction()).startsWith("txn_");
        assertThat(client.v1().charges().retrieve(failing.getLatestCharge()).getAmountRefunded())
                .isZero();
        List<Event> events = hook.receiver().drain(Duration.ofMillis(700)).stream()
                .map(r -> {
                    try {
                        return verify(hook, r);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        Event settled = events.stream()
                .filter(e -> e.getType().equals("refund.updated"))
                .filter(e -> ((Refund) e.getDataObjectDeserializer().getObject().orElseThrow())
                        .getId()
                        .equals(r1.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(settled.getData().getPreviousAttributes()).containsEntry("status", "pending");
        assertThat(events).extracting(Event::getType).contains("charge.refund.updated", "refund.failed");
    }

    // ---------------------------------------------------------------- events and webhooks

    @Test
    void eventsListWithTypeFiltersAndRetrieve() throws Exception {
        StripeClient client = client(newKey());
        client.v1().paymentIntents().create(payment(1_500, "pm_card_visa").build());
        client.v1().customers().create(CustomerCreateParams.builder().build());
        List<Event> all = client.v1()
                .events()
                .list(EventListParams.builder().setLimit(100L).build())
                .getData();
        assertThat(all)
                .extracting(Event::getType)
                .containsExactly(
                        "customer.created", "payment_intent.succeeded", "charge.succeeded", "payment_intent.created");
        assertThat(client.v1()
                        .events()
                        .list(EventListParams.builder()
                                .setType("payment_intent.*")
                                .build())
                        .getData())
                .extracting(Event::getType)
                .containsExactly("payment_intent.succeeded", "payment_intent.created");
        assertThat(client.v1()
                        .events()
                        .list(EventListParams.builder()
                                .addType("charge.succeeded")
                                .addType("customer.created")
                                .build())
                        .getData())
                .hasSize(2);
        Event one = client.v1().events().retrieve(all.get(1).getId());
        assertThat(one.getDataObjectDeserializer().getObject()).get().isInstanceOf(PaymentIntent.class);
        assertThat(one.getApiVersion()).isEqualTo("2026-07-29.dahlia");
    }

    @Test
    void webhooksAreSignedCarryRequestAndIdempotencyKeyAndRetryOnFailure() throws Exception {
        StripeClient client = client(newKey());
        Hook hook = hook(client, false);
        hook.receiver().respondWith(500, 503);
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(1_000L)
                                .setCurrency("usd")
                                .build(),
                        RequestOptions.builder()
                                .setIdempotencyKey("order-7-create")
                                .build());
        Event event = verify(hook, hook.receiver().next(WAIT));
        assertThat(event.getType()).isEqualTo("payment_intent.created");
        assertThat(event.getRequest().getIdempotencyKey()).isEqualTo("order-7-create");
        assertThat(event.getRequest().getId()).isEqualTo(pi.getLastResponse().requestId());
        assertThat(((PaymentIntent)
                                event.getDataObjectDeserializer().getObject().orElseThrow())
                        .getId())
                .isEqualTo(pi.getId());
        WebhookDelivery delivery = settledDelivery(event.getId());
        assertThat(delivery.attempts())
                .extracting(WebhookDelivery.Attempt::httpStatus)
                .containsExactly(500, 503, 200);
        assertThat(delivery.status()).isEqualTo("succeeded");
        assertThat(client.v1().events().retrieve(event.getId()).getPendingWebhooks())
                .isZero();

        assertThatThrownBy(() -> Webhook.constructEvent(
                        delivery.payload(), delivery.attempts().getFirst().signature(), "whsec_wrong"))
                .isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
    }

    @Test
    void webhookRetriesAreExhaustedAfterThreeRetries() throws Exception {
        StripeClient client = client(newKey());
        Hook hook = hook(client, false);
        hook.receiver().respondWith(500, 500, 500, 500);
        Customer c =
                client.v1().customers().create(CustomerCreateParams.builder().build());
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        WebhookDelivery d;
        do {
            Thread.sleep(50);
            d = control().deliveries().stream()
                    .filter(x -> x.endpointId().equals(hook.id()))
                    .findFirst()
                    .orElseThrow();
        } while (!d.status().equals("failed") && System.currentTimeMillis() < deadline);
        assertThat(d.status()).isEqualTo("failed");
        assertThat(d.attempts()).hasSize(4);
        assertThat(c.getId()).startsWith("cus_");
    }

    @Test
    void webhookSwitchesDuplicateReorderDelayAndDropThenRetry() throws Exception {
        StripeClient client = client(newKey());
        Hook hook = hook(client, false);

        control().webhookBehaviour(WebhookBehaviour.normal().withDuplicate(true));
        Customer dup =
                client.v1().customers().create(CustomerCreateParams.builder().build());
        List<WebhookReceiver.Received> twice = hook.receiver().await(2, WAIT);
        assertThat(twice).hasSize(2);
        assertThat(verify(hook, twice.get(0)).getId())
                .isEqualTo(verify(hook, twice.get(1)).getId());
        assertThat(dup.getId()).startsWith("cus_");

        control().webhookBehaviour(WebhookBehaviour.normal().withReorder(true));
        client.v1().paymentIntents().create(payment(1_000, "pm_card_visa").build());
        assertThat(events(hook, 3))
                .extracting(Event::getType)
                .containsExactly("payment_intent.succeeded", "charge.succeeded", "payment_intent.created");

        control().webhookBehaviour(WebhookBehaviour.normal().withDelay(Duration.ofMillis(400)));
        long start = System.nanoTime();
        client.v1().customers().create(CustomerCreateParams.builder().build());
        hook.receiver().next(WAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        control().webhookBehaviour(WebhookBehaviour.normal().withDropFirstAttempts(1));
        Customer dropped =
                client.v1().customers().create(CustomerCreateParams.builder().build());
        Event redelivered = verify(hook, hook.receiver().next(WAIT));
        assertThat(((Customer) redelivered
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getId())
                .isEqualTo(dropped.getId());
        WebhookDelivery d = settledDelivery(redelivered.getId());
        assertThat(d.attempts()).extracting(WebhookDelivery.Attempt::outcome).containsExactly("dropped", "delivered");
    }

    @Test
    void connectEndpointsReceiveConnectedAccountEventsOnly() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook platform = hook(client, false);
        Hook connect = hook(client, true);
        String carrier = client.v1()
                .accounts()
                .create(com.stripe.param.AccountCreateParams.builder().build())
                .getId();
        Customer onAccount = client.v1()
                .customers()
                .create(
                        CustomerCreateParams.builder()
                                .setEmail("direct@carrier.example")
                                .build(),
                        RequestOptions.builder().setStripeAccount(carrier).build());
        Event event = verify(connect, connect.receiver().next(WAIT));
        assertThat(event.getAccount()).isEqualTo(carrier);
        assertThat(event.getType()).isEqualTo("customer.created");
        assertThat(platform.receiver().drain(Duration.ofMillis(300))).isEmpty();
        assertThat(client.v1().customers().list().getData()).isEmpty();
        assertThat(client.v1()
                        .customers()
                        .retrieve(
                                onAccount.getId(),
                                RequestOptions.builder()
                                        .setStripeAccount(carrier)
                                        .build())
                        .getEmail())
                .isEqualTo("direct@carrier.example");
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void idempotentReplayMismatchAndValidationFailuresAreNotStored() throws Exception {
        StripeClient client = client(newKey());
        RequestOptions options =
                RequestOptions.builder().setIdempotencyKey("pi-create-1").build();
        PaymentIntent first = client.v1()
                .paymentIntents()
                .create(payment(2_500, "pm_card_visa").build(), options);
        PaymentIntent replay = client.v1()
                .paymentIntents()
                .create(payment(2_500, "pm_card_visa").build(), options);
        assertThat(replay.getId()).isEqualTo(first.getId());
        StripeResponse last = replay.getLastResponse();
        assertThat(last.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(last.headers().firstValue("Original-Request"))
                .hasValue(first.getLastResponse().requestId());
        assertThat(client.v1().paymentIntents().list().getData()).hasSize(1);

        IdempotencyException mismatch = catchThrowableOfType(IdempotencyException.class, () -> client.v1()
                .paymentIntents()
                .create(payment(9_999, "pm_card_visa").build(), options));
        assertThat(mismatch.getStatusCode()).isEqualTo(400);
        assertThat(mismatch.getStripeError().getType()).isEqualTo("idempotency_error");

        RequestOptions second =
                RequestOptions.builder().setIdempotencyKey("pi-create-2").build();
        assertThatThrownBy(() -> client.v1()
                        .paymentIntents()
                        .create(
                                PaymentIntentCreateParams.builder()
                                        .setCurrency("usd")
                                        .build(),
                                second))
                .isInstanceOf(InvalidRequestException.class);
        PaymentIntent afterFix = client.v1()
                .paymentIntents()
                .create(payment(2_500, "pm_card_visa").build(), second);
        assertThat(afterFix.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .isEmpty();

        // declines are stored and replayed like Stripe does
        RequestOptions declineKey =
                RequestOptions.builder().setIdempotencyKey("pi-decline").build();
        CardException d1 = catchThrowableOfType(CardException.class, () -> client.v1()
                .paymentIntents()
                .create(payment(2_500, "pm_card_chargeDeclined").build(), declineKey));
        CardException d2 = catchThrowableOfType(CardException.class, () -> client.v1()
                .paymentIntents()
                .create(payment(2_500, "pm_card_chargeDeclined").build(), declineKey));
        assertThat(d2.getCharge()).isEqualTo(d1.getCharge());
    }

    @Test
    void concurrentRequestWithSameKeyGets409() throws Exception {
        StripeClient client = client(newKey());
        control()
                .injectFault(FaultRule.slow("POST", "/v1/customers", Duration.ofMillis(800))
                        .times(1));
        RequestOptions options =
                RequestOptions.builder().setIdempotencyKey("cus-concurrent").build();
        CompletableFuture<Customer> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return client.v1()
                        .customers()
                        .create(CustomerCreateParams.builder().build(), options);
            } catch (StripeException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        ApiException conflict = catchThrowableOfType(ApiException.class, () -> client.v1()
                .customers()
                .create(CustomerCreateParams.builder().build(), options));
        assertThat(conflict.getStatusCode()).isEqualTo(409);
        assertThat(conflict.getCode()).isEqualTo("idempotency_key_in_use");
        Customer created = slow.get();
        assertThat(client.v1()
                        .customers()
                        .create(CustomerCreateParams.builder().build(), options)
                        .getId())
                .isEqualTo(created.getId());
    }

    // ---------------------------------------------------------------- faults and rate limits

    @Test
    void injectedServerErrorsRateLimitsDropsAndSlowResponses() throws Exception {
        StripeClient client = client(newKey());
        control().injectFault(FaultRule.serverError("POST", "/v1/customers").times(1));
        ApiException serverError = catchThrowableOfType(ApiException.class, () -> client.v1()
                .customers()
                .create(CustomerCreateParams.builder().build()));
        assertThat(serverError.getStatusCode()).isEqualTo(500);
        assertThat(serverError.getRequestId()).startsWith("req_");
        assertThat(client.v1()
                        .customers()
                        .create(CustomerCreateParams.builder().build())
                        .getId())
                .startsWith("cus_");

        control()
                .injectFault(
                        FaultRule.serverError("POST", "/v1/payment_intents").times(1));
        StripeClient retrying = client(newKey(), 2);
        PaymentIntent afterRetry = retrying.v1()
                .paymentIntents()
                .create(payment(1_000, "pm_card_visa").build());
        assertThat(afterRetry.getStatus()).isEqualTo("succeeded");
        assertThat(retrying.v1().paymentIntents().list().getData()).hasSize(1);

        control().injectFault(FaultRule.rateLimit("GET", "/v1/customers/*").times(1));
        RateLimitException limited = catchThrowableOfType(
                RateLimitException.class, () -> client.v1().customers().retrieve("cus_any"));
        assertThat(limited.getCode()).isEqualTo("rate_limit");

        control().injectFault(FaultRule.dropConnection("GET", "/v1/payment_intents"));
        // unlimited: the JDK's HttpURLConnection silently resends a request once when the connection drops
        assertThatThrownBy(() -> client.v1().paymentIntents().list()).isInstanceOf(ApiConnectionException.class);
        control().clearFaults();
        assertThat(client.v1().paymentIntents().list().getData()).isEmpty();

        control()
                .injectFault(
                        FaultRule.slow(null, "/v1/**", Duration.ofMillis(1500)).times(1));
        StripeClient impatient = StripeClient.builder()
                .setApiKey(newKey())
                .setApiBase(baseUrl())
                .setReadTimeout(500)
                .build();
        assertThatThrownBy(() -> impatient.v1().customers().list()).isInstanceOf(ApiConnectionException.class);

        control()
                .injectFault(FaultRule.serverError("GET", "/v1/events")
                        .withStatus(503)
                        .withShouldRetry(false));
        ApiException unavailable = catchThrowableOfType(
                ApiException.class, () -> client(newKey(), 2).v1().events().list());
        assertThat(unavailable.getStatusCode()).isEqualTo(503);
    }

    @Test
    void testModeRateLimitReturns429WhenSwitchedOn() {
        StripeClient client = client(newKey());
        control().rateLimits(true);
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            try {
                client.v1().customers().list();
            } catch (RateLimitException e) {
                assertThat(e.getCode()).isEqualTo("rate_limit");
                limited++;
            } catch (StripeException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(limited).isPositive();
        control().rateLimits(false);
    }

    // ---------------------------------------------------------------- fidelity of the JSON

    @Test
    void everyEmittedKeyIsKnownToStripeJavasModels() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        hook(client, false);
        Customer cus = client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setEmail("x@y.example")
                        .setAddress(CustomerCreateParams.Address.builder()
                                .setCountry("DE")
                                .build())
                        .build());
        PaymentIntent manual = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_visa")
                        .setCustomer(cus.getId())
                        .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                        .build());
        client.v1().paymentIntents().capture(manual.getId());
        PaymentIntent threeDs = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_threeDSecure2Required")
                        .setReturnUrl("https://x.example")
                        .build());
        PaymentIntent sdk = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_threeDSecure2Required").build());
        control().authenticate(key, null, threeDs.getId(), true);
        PaymentIntent review = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_riskLevelElevated").build());
        CardException declined = catchThrowableOfType(CardException.class, () -> client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_chargeDeclined").build()));
        Refund refund = client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(manual.getId())
                        .setAmount(100L)
                        .build());
        client.v1()
                .charges()
                .update(
                        manual.getLatestCharge(),
                        ChargeUpdateParams.builder().putMetadata("k", "v").build());

        List<String> problems = new ArrayList<>();
        check(problems, client, "/v1/customers/" + cus.getId(), Customer.class);
        check(problems, client, "/v1/payment_methods/" + manual.getPaymentMethod(), PaymentMethod.class);
        for (String id : List.of(manual.getId(), threeDs.getId(), sdk.getId(), review.getId())) {
            check(
                    problems,
                    client,
                    "/v1/payment_intents/" + id + "?expand[]=latest_charge.balance_transaction",
                    PaymentIntent.class);
        }
        check(problems, client, "/v1/charges/" + manual.getLatestCharge() + "?expand[]=refunds", Charge.class);
        check(problems, client, "/v1/charges/" + declined.getCharge(), Charge.class);
        check(problems, client, "/v1/refunds/" + refund.getId(), Refund.class);
        check(problems, client, "/v1/balance_transactions/" + refund.getBalanceTransaction(), BalanceTransaction.class);
        Charge reviewed = client.v1().charges().retrieve(review.getLatestCharge());
        check(problems, client, "/v1/reviews/" + reviewed.getReview(), Review.class);
        for (Event e : client.v1()
                .events()
                .list(EventListParams.builder().setLimit(100L).build())
                .getData()) {
            JsonObject object = check(problems, client, "/v1/events/" + e.getId(), Event.class)
                    .getAsJsonObject("data")
                    .getAsJsonObject("object");
            Class<?> model =
                    switch (object.get("object").getAsString()) {
                        case "customer" -> Customer.class;
                        case "payment_intent" -> PaymentIntent.class;
                        case "charge" -> Charge.class;
                        case "refund" -> Refund.class;
                        case "payment_method" -> PaymentMethod.class;
                        case "review" -> Review.class;
                        default -> throw new AssertionError("unexpected " + object);
                    };
            problems.addAll(ModelConformance.unknownKeys(object, model));
        }
        for (WebhookEndpoint we : client.v1().webhookEndpoints().list().getData()) {
            check(problems, client, "/v1/webhook_endpoints/" + we.getId(), WebhookEndpoint.class);
        }
        HttpResponse<String> errorResponse = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/payment_intents"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "amount=5000&currency=usd&confirm=true&payment_method=pm_card_chargeDeclined"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(errorResponse.statusCode()).isEqualTo(402);
        JsonObject error =
                JsonParser.parseString(errorResponse.body()).getAsJsonObject().getAsJsonObject("error");
        problems.addAll(ModelConformance.unknownKeys(error, StripeError.class));
        assertThat(error.getAsJsonObject("payment_intent").get("id").getAsString())
                .startsWith("pi_");
        assertThat(problems).isEmpty();
        assertThat(ModelConformance.unknownKeys(
                        JsonParser.parseString("{\"id\":\"x\",\"colour\":1}").getAsJsonObject(), Customer.class))
                .containsExactly("Customer.colour");
    }

    static JsonObject check(List<String> problems, StripeClient client, String path, Class<?> model)
            throws StripeException {
        StripeResponse response = client.rawRequest(ApiResource.RequestMethod.GET, path, null);
        assertThat(response.code()).as(path).isEqualTo(200);
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        problems.addAll(ModelConformance.unknownKeys(json, model));
        StripeObject typed = client.deserialize(response.body(), com.stripe.net.ApiMode.V1);
        assertThat(typed).isInstanceOf(model);
        return json;
    }
}
