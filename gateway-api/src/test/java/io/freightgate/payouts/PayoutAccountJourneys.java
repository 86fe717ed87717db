package io.freightgate.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.emulator.stripe.WebhookBehaviour;
import io.freightgate.emulator.stripe.WebhookDelivery;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import io.freightgate.webhooks.internal.EventRecovery;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the payout account journeys share: the emulator, the inbox's rows, a carrier registered and onboarded. */
abstract class PayoutAccountJourneys extends GatewayIT {

    static final List<String> DOCUMENT = List.of("individual.verification.document");

    @Autowired
    StripeEmulator stripe;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventRecovery recovery;

    @Value("${freightgate.stripe.api-key}")
    String apiKey;

    final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void deliverNormally() {
        stripe.control().webhookBehaviour(WebhookBehaviour.normal());
    }

    static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    List<String> inboxEventIds(String account) {
        return jdbc.queryForList("SELECT event_id FROM webhook_inbox WHERE account_id = ?", String.class, account);
    }

    TenantId registerCarrier() {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson("CARRIER", "Carrier " + UUID.randomUUID(), "payouts@carrier.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    /** A carrier whose account a platform admin opened and whose requirements are all met. */
    TenantId onboardedCarrier() {
        TenantId carrier = registerCarrier();
        var opened = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{}")
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        stripe.control()
                .accountRequirements(
                        apiKey, opened.json().get("stripe_account_id").asString(), AccountRequirements.satisfied());
        awaitAccount(carrier, a -> a.get("status").asString().equals("ACTIVE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> allProcessed(stripeAccount(carrier)));
        return carrier;
    }

    String stripeAccount(TenantId carrier) {
        return payoutAccount(carrier, callers.platformAdmin())
                .json()
                .get("stripe_account_id")
                .asString();
    }

    Api.Response payoutAccount(TenantId carrier, String token) {
        return api.get("/api/v1/carriers/" + carrier + "/payout-account")
                .token(token)
                .send();
    }

    void awaitAccount(TenantId carrier, Predicate<tools.jackson.databind.JsonNode> condition) {
        String staff = callers.platformStaff(Role.FINANCE_AGENT);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = payoutAccount(carrier, staff);
                    return response.status() == 200 && condition.test(response.json());
                });
    }

    List<WebhookDelivery> ourDeliveries(String account) {
        return stripe.control().deliveries().stream()
                .filter(d -> account.equals(d.account()))
                .filter(d -> d.url().startsWith("http://127.0.0.1:" + port + "/"))
                .toList();
    }

    int inboxRows(String account) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook_inbox WHERE account_id = ?", Integer.class, account);
    }

    int distinctInboxEvents(String account) {
        return jdbc.queryForObject(
                "SELECT count(DISTINCT event_id) FROM webhook_inbox WHERE account_id = ?", Integer.class, account);
    }

    boolean allProcessed(String account) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM webhook_inbox WHERE account_id = ? AND status <> 'PROCESSED'",
                        Integer.class,
                        account)
                == 0;
    }

    com.stripe.StripeClient stripeClient() {
        return com.stripe.StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(stripe.baseUrl())
                .build();
    }
}
