package io.freightgate.emulator.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedding concerns: a clock shared with the caller, and persistence under a data directory. */
class EmbeddedEmulatorTest {

    private static StripeClient client(StripeEmulator emulator, String key) {
        return StripeClient.builder()
                .setApiKey(key)
                .setApiBase(emulator.baseUrl())
                .setFilesBase(emulator.baseUrl())
                .build();
    }

    @Test
    void sharedClockDrivesCreatedTimestampsExpiryAndWebhookSignatures() throws Exception {
        EmulatorClock clock = EmulatorClock.fixedAt(Instant.parse("2021-03-01T10:00:00Z"));
        try (StripeEmulator emulator =
                        StripeEmulator.start(StripeEmulatorConfig.forTests().withClock(clock));
                WebhookReceiver receiver = new WebhookReceiver()) {
            assertThat(emulator.clock()).isSameAs(clock);
            StripeClient client = client(emulator, "sk_test_shared");
            String secret = client.v1()
                    .webhookEndpoints()
                    .create(WebhookEndpointCreateParams.builder()
                            .setUrl(receiver.url())
                            .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                            .build())
                    .getSecret();
            Customer customer = client.v1()
                    .customers()
                    .create(CustomerCreateParams.builder().build());
            assertThat(customer.getCreated()).isEqualTo(clock.instant().getEpochSecond());

            WebhookReceiver.Received r = receiver.next(Duration.ofSeconds(5));
            Event event = Webhook.constructEvent(r.body(), r.signature(), secret, 300, clock);
            assertThat(event.getCreated()).isEqualTo(clock.instant().getEpochSecond());
            assertThatThrownBy(() -> Webhook.constructEvent(r.body(), r.signature(), secret))
                    .isInstanceOf(SignatureVerificationException.class)
                    .hasMessageContaining("tolerance");

            PaymentIntent pi = client.v1()
                    .paymentIntents()
                    .create(PaymentIntentCreateParams.builder()
                            .setAmount(1_000L)
                            .setCurrency("usd")
                            .setPaymentMethod("pm_card_visa")
                            .setConfirm(true)
                            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                            .build());
            clock.advance(Duration.ofDays(8)); // advanced by the caller, not through the control API
            assertThat(client.v1().paymentIntents().retrieve(pi.getId()).getStatus())
                    .isEqualTo("canceled");
            assertThat(emulator.control().now()).isEqualTo(clock.instant());
        }
    }

    @Test
    void stateSurvivesARestartInTheDataDirectory(@TempDir Path dir) throws Exception {
        String customerId;
        String authorizedId;
        String challengedId;
        try (StripeEmulator first =
                StripeEmulator.start(StripeEmulatorConfig.forTests().withDataDirectory(dir))) {
            StripeClient client = client(first, "sk_test_persist");
            customerId = client.v1()
                    .customers()
                    .create(CustomerCreateParams.builder()
                            .setEmail("keep@carrier.example")
                            .build())
                    .getId();
            authorizedId = client.v1()
                    .paymentIntents()
                    .create(PaymentIntentCreateParams.builder()
                            .setAmount(4_200L)
                            .setCurrency("eur")
                            .setPaymentMethod("pm_card_visa")
                            .setConfirm(true)
                            .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                            .build())
                    .getId();
            challengedId = client.v1()
                    .paymentIntents()
                    .create(PaymentIntentCreateParams.builder()
                            .setAmount(4_200L)
                            .setCurrency("eur")
                            .setPaymentMethod("pm_card_threeDSecure2Required")
                            .setReturnUrl("https://gateway.example/return")
                            .setConfirm(true)
                            .build())
                    .getId();
            assertThat(first.stateFile()).exists();
        }
        assertThat(Files.readString(dir.resolve(StateFile.FILE_NAME))).contains(customerId, authorizedId);
        try (StripeEmulator second =
                StripeEmulator.start(StripeEmulatorConfig.forTests().withDataDirectory(dir))) {
            StripeClient client = client(second, "sk_test_persist");
            assertThat(client.v1().customers().retrieve(customerId).getEmail()).isEqualTo("keep@carrier.example");
            assertThat(client.v1().paymentIntents().capture(authorizedId).getStatus())
                    .isEqualTo("succeeded");
            assertThat(second.control().authenticate("sk_test_persist", null, challengedId, true))
                    .isEqualTo("succeeded");
            assertThat(client.v1().events().list().getData()).isNotEmpty();
            // other keys do not see the state
            assertThat(client(second, "sk_test_other").v1().customers().list().getData())
                    .isEmpty();
            // capture expiry timers survive too
            second.control().advanceClock(Duration.ofDays(8));
        }
    }

    @Test
    void part2StateSurvivesARestart(@TempDir Path dir) throws Exception {
        String accountId;
        String disputeId;
        String fileId;
        byte[] bytes = StripeContractSuitePart2.pdf(2);
        try (StripeEmulator first =
                StripeEmulator.start(StripeEmulatorConfig.forTests().withDataDirectory(dir))) {
            StripeClient client = client(first, "sk_test_persist2");
            accountId = client.v1()
                    .accounts()
                    .create(com.stripe.param.AccountCreateParams.builder()
                            .setCountry("US")
                            .build())
                    .getId();
            first.control().accountRequirements("sk_test_persist2", accountId, AccountRequirements.satisfied());
            PaymentIntent pi = client.v1()
                    .paymentIntents()
                    .create(PaymentIntentCreateParams.builder()
                            .setAmount(5_000L)
                            .setCurrency("usd")
                            .setPaymentMethod("pm_card_visa")
                            .setConfirm(true)
                            .build());
            disputeId = first.control()
                    .createDispute(
                            "sk_test_persist2",
                            null,
                            pi.getLatestCharge(),
                            DisputeRequest.chargeback("product_not_received", "mastercard"));
            fileId = client.v1()
                    .files()
                    .create(com.stripe.param.FileCreateParams.builder()
                            .setPurpose(com.stripe.param.FileCreateParams.Purpose.DISPUTE_EVIDENCE)
                            .setFile(new java.io.ByteArrayInputStream(bytes))
                            .build())
                    .getId();
            client.v1()
                    .disputes()
                    .update(
                            disputeId,
                            com.stripe.param.DisputeUpdateParams.builder()
                                    .setSubmit(false)
                                    .setEvidence(com.stripe.param.DisputeUpdateParams.Evidence.builder()
                                            .setReceipt(fileId)
                                            .build())
                                    .build());
        }
        try (StripeEmulator second =
                StripeEmulator.start(StripeEmulatorConfig.forTests().withDataDirectory(dir))) {
            StripeClient client = client(second, "sk_test_persist2");
            assertThat(client.v1().accounts().retrieve(accountId).getChargesEnabled())
                    .isTrue();
            assertThat(client.v1().disputes().retrieve(disputeId).getEvidence().getReceipt())
                    .isEqualTo(fileId);
            assertThat(second.control()
                            .disputeEvidence("sk_test_persist2", null, disputeId)
                            .files()
                            .getFirst()
                            .content())
                    .isEqualTo(bytes);
            // the connected account is still known for Stripe-Account
            assertThat(client.v1()
                            .balance()
                            .retrieve(com.stripe.net.RequestOptions.builder()
                                    .setStripeAccount(accountId)
                                    .build())
                            .getObject())
                    .isEqualTo("balance");
        }
    }
}
