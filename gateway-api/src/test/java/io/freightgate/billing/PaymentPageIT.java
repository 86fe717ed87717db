package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.security.Role;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The hosted payment page as a shipper's browser uses it (cookies, the form's CSRF token, redirects followed by hand),
 * against the real gateway and the Stripe emulator: the request shown with every user string encoded, card payments
 * (approved, through 3-D Secure and back, declined), a SEPA Direct Debit mandate, and the links that cannot pay.
 */
class PaymentPageIT extends PaymentJourneys {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @org.springframework.beans.factory.annotation.Value("${freightgate.crypto.hash-key}")
    String hashKey;

    Parties parties;
    Browser browser;

    @BeforeEach
    void shipperWithABrowser() {
        parties = parties();
        browser = new Browser();
    }

    @Test
    void showsTheRequestWithEveryUserStringEncoded() {
        String link = link(create(parties, 125_000, "EUR", "<script>alert(1)</script>", false));

        var page = browser.get(link);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>")
                .contains("1250.00 EUR")
                .contains("id=\"due-date\"")
                .contains("pm_card_visa", "pm_card_threeDSecure2Required", "pm_card_chargeDeclined")
                .contains("id=\"mandate-text\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline'; script");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void aCardPaymentSucceedsAndThePaidLinkOffersNoSecondPayment() {
        JsonNode created = create(parties, 90_000, "EUR", "LD-PAGE-CARD", false);
        String link = link(created);

        String csrf = csrf(browser.get(link));
        var paid = browser.post(link + "/card", Map.of("payment_method", "pm_card_visa", "_csrf", csrf));

        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location"))
                .hasValue(URI.create(link).getPath());
        assertThat(read(parties.carrier(), id(created)).get("status").asString())
                .isEqualTo("PAID");
        var after = browser.get(link);
        assertThat(after.body()).contains("data-status=\"PAID\"").doesNotContain("id=\"card-form\"");
        assertThat(chargesOf(id(created))).hasSize(1);

        var again = browser.post(link + "/card", Map.of("payment_method", "pm_card_visa", "_csrf", csrf));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(chargesOf(id(created))).hasSize(1);
    }

    @Test
    void threeDSecureGoesToTheBankAndBackToTheOutcome() {
        JsonNode created = create(parties, 70_000, "EUR", "LD-PAGE-3DS", false);
        String link = link(created);

        var challenged = browser.submit(link, "/card", Map.of("payment_method", "pm_card_threeDSecure2Required"));

        assertThat(challenged.statusCode()).as(challenged.body()).isEqualTo(303);
        String bank = challenged.headers().firstValue("Location").orElseThrow();
        assertThat(bank).contains("/_emulator/3ds/");
        assertThat(browser.get(bank).statusCode()).isEqualTo(200);
        var back = browser.post(bank, Map.of("action", "complete"));
        assertThat(back.statusCode()).isEqualTo(302);
        URI returnUrl = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(returnUrl.getPath()).isEqualTo(URI.create(link).getPath() + "/complete");

        var outcome = browser.get(local(returnUrl));

        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.body()).contains("data-status=\"PAID\"");
        assertThat(read(parties.carrier(), id(created)).get("status").asString())
                .isEqualTo("PAID");

        String failing = link(create(parties, 70_000, "EUR", "LD-PAGE-3DS-FAIL", false));
        var second = browser.submit(failing, "/card", Map.of("payment_method", "pm_card_threeDSecure2Required"));
        var failed = browser.post(second.headers().firstValue("Location").orElseThrow(), Map.of("action", "fail"));
        var shown = browser.get(
                local(URI.create(failed.headers().firstValue("Location").orElseThrow())));
        assertThat(shown.body())
                .contains("data-status=\"OPEN\"")
                .contains("payment_intent_authentication_failure")
                .contains("id=\"card-form\"");
    }

    @Test
    void aDeclineIsShownAndTheRequestStaysPayable() {
        JsonNode created = create(parties, 60_000, "EUR", "LD-PAGE-DECLINE", false);
        String link = link(created);

        var declined = browser.submit(link, "/card", Map.of("payment_method", "pm_card_chargeDeclined"));

        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(declined.body())
                .contains("declined")
                .contains("generic_decline")
                .contains("id=\"card-form\"");
        assertThat(read(parties.carrier(), id(created)).get("status").asString())
                .isEqualTo("OPEN");
        assertThat(chargesOf(id(created)).stream().filter(charge -> "succeeded".equals(charge.getStatus())))
                .isEmpty();
    }

    @Test
    void aSepaDebitWithAnAcceptedMandateIsProcessingAndWithoutItNothingHappens() {
        JsonNode created = create(parties, 150_000, "EUR", "LD-PAGE-SEPA", false);
        String link = link(created);
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "iban", "DE89 3704 0044 0532 0130 00",
                "account_holder", "Shipper Payer",
                "email", "payer@shipper.test"));

        var refused = browser.submit(link, "/sepa-debit", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Accept the mandate");
        assertThat(read(parties.carrier(), id(created)).get("attempts")).isEmpty();

        form.put("mandate_accepted", "true");
        var accepted = browser.submit(link, "/sepa-debit", form);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(303);
        JsonNode request = read(parties.carrier(), id(created));
        assertThat(request.get("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(browser.get(link).body()).contains("data-status=\"PAYMENT_PENDING\"", "direct debit is processing");
        assertThat(request.get("payment_method_type").asString()).isEqualTo("SEPA_DEBIT");

        // While it processes, the page loads htmx and polls its status line; the line alone comes back unchanged.
        String processing = browser.get(link).body();
        String path = URI.create(link).getRawPath();
        assertThat(processing).contains("htmx.min.js", "hx-get=\"" + path + "/status\"", "hx-trigger=\"every 3s\"");
        var pending = browser.get(link + "/status");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.headers().firstValue("HX-Refresh")).isEmpty();
        assertThat(pending.body())
                .contains("data-status=\"PAYMENT_PENDING\"", "hx-get=")
                .doesNotContain("<html", "sepa-form");

        // The debit settles (the emulator's SEPA delay passes): the next poll tells htmx to reload the page.
        stripe.control().advanceClock(java.time.Duration.ofSeconds(11));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> read(parties.carrier(), id(created)).get("status").asString(), "PAID"::equals);
        var settled = browser.get(link + "/status");
        assertThat(settled.headers().firstValue("HX-Refresh")).hasValue("true");
        assertThat(settled.body()).contains("data-status=\"PAID\"").doesNotContain("hx-get");
        assertThat(browser.get(link).body()).doesNotContain("hx-get", "htmx.min.js");
    }

    @Test
    void unknownAndMalformedLinksGetTheSameAnswer() {
        String unknown = browser.get(base() + "/pay/" + "A".repeat(43)).body();
        var malformed = browser.get(base() + "/pay/not-a-token");

        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(browser.get(base() + "/pay/" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(malformed.body()).isEqualTo(unknown).contains("not valid").doesNotContain("Exception");
        assertThat(browser.post(base() + "/pay/not-a-token/card", Map.of("payment_method", "pm_card_visa"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aCancelledRequestCannotBePaid() {
        JsonNode created = create(parties, 40_000, "EUR", "LD-PAGE-CANCEL", false);
        var cancelled = api.post("/api/v1/payment-requests/" + id(created) + "/cancel", "")
                .token(callers.of(parties.carrier(), Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        var page = browser.get(link(created));

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body())
                .contains("cancelled")
                .contains("no longer valid")
                .doesNotContain("id=\"card-form\"")
                .doesNotContain("id=\"sepa-form\"");
        assertThat(browser.post(link(created) + "/card", Map.of("payment_method", "pm_card_visa"))
                        .statusCode())
                .isIn(403, 410);
        assertThat(chargesOf(id(created))).isEmpty();
    }

    @Test
    void aLinkShapedLikeTheOldKeyedHashOfTheRequestIdOpensNothing() throws Exception {
        JsonNode created = create(parties, 45_000, "EUR", "LD-PAGE-HMAC", false);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                java.util.Base64.getDecoder().decode(hashKey), "HmacSHA256"));
        String derived = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(("payment-page:" + id(created)).getBytes(StandardCharsets.UTF_8)));

        var page = browser.get(base() + "/pay/" + derived);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("not valid").doesNotContain("LD-PAGE-HMAC");
        String token =
                URI.create(created.get("payment_page_url").asString()).getPath().substring("/pay/".length());
        assertThat(java.util.Base64.getUrlDecoder().decode(token))
                .as("a random token of 32 bytes")
                .hasSize(32);
        assertThat(token).isNotEqualTo(derived);
    }

    @Test
    void aReissuedLinkWorksTheOldOneNoLongerOpensAndRemindersCarryTheNewOne() {
        JsonNode created = create(
                parties,
                55_000,
                "EUR",
                "LD-PAGE-REISSUE",
                false,
                java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                        .plusDays(1));
        String old = link(created);
        assertThat(browser.get(old).statusCode()).isEqualTo(200);

        var reissued = api.post("/api/v1/payment-requests/" + id(created) + "/payment-links", "")
                .token(callers.of(parties.carrier(), Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        String fresh = local(URI.create(reissued.json().get("payment_page_url").asString()));
        assertThat(fresh).isNotEqualTo(old);
        assertThat(reissued.json().get("expires_at").asString()).isNotBlank();
        assertThat(browser.get(fresh).statusCode()).isEqualTo(200);
        assertThat(browser.get(fresh).body()).contains("LD-PAGE-REISSUE").contains("id=\"card-form\"");
        var stale = browser.get(old);
        assertThat(stale.statusCode()).isEqualTo(404);
        assertThat(stale.body()).doesNotContain("LD-PAGE-REISSUE");
        var foreign = api.post("/api/v1/payment-requests/" + id(created) + "/payment-links", "")
                .token(callers.of(parties().carrier(), Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(foreign.status()).as("another carrier's request").isEqualTo(404);
        assertThat(browser.get(fresh).statusCode()).isEqualTo(200);
        assertThat(reminders.run()).contains(new PaymentReminders.Sent(PaymentRequestId.of(id(created)), false));
        String freshPath = URI.create(fresh).getPath();
        String oldPath = URI.create(old).getPath();
        var reminder = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(
                        () -> smtp.receivedMail().stream()
                                .filter(mail -> mail.to().contains(parties.shipperEmail())
                                        && mail.subject().equals("Reminder: payment request LD-PAGE-REISSUE"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(reminder.text().orElse("") + reminder.html().orElse(""))
                .contains(freshPath)
                .doesNotContain(oldPath);

        var paid = browser.submit(fresh, "/card", Map.of("payment_method", "pm_card_visa"));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        var after = browser.get(fresh);
        assertThat(after.body())
                .contains("data-status=\"PAID\"")
                .doesNotContain("id=\"card-form\"")
                .doesNotContain("id=\"sepa-form\"");
        var again = api.post("/api/v1/payment-requests/" + id(created) + "/payment-links", "")
                .token(callers.of(parties.carrier(), Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(again.status()).as("a paid request gets no new link").isEqualTo(409);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChargesNothing() {
        JsonNode created = create(parties, 30_000, "EUR", "LD-PAGE-CSRF", false);
        String link = link(created);
        browser.get(link);

        var forged = browser.post(link + "/card", Map.of("payment_method", "pm_card_visa"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Form expired");
        assertThat(read(parties.carrier(), id(created)).get("attempts")).isEmpty();
        assertThat(chargesOf(id(created))).isEmpty();
    }

    private String link(JsonNode created) {
        return local(URI.create(created.get("payment_page_url").asString()));
    }

    /** The issuer in tests is http://localhost:8080; the gateway listens on a random port. */
    private String local(URI uri) {
        return base() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        return matcher.group(1);
    }

    /** A browser: keeps cookies, sends a user agent, follows no redirect by itself. */
    static final class Browser {

        /** The client address the gateway sees (the tests' loopback is a trusted proxy), or none: loopback. */
        private final java.util.Optional<String> clientIp;

        Browser() {
            this.clientIp = java.util.Optional.empty();
        }

        /** A browser at an address of its own, so that what it is blocked for blocks no other test. */
        Browser(String clientIp) {
            this.clientIp = java.util.Optional.of(clientIp);
        }

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).GET());
        }

        HttpResponse<String> post(String url, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Opens the page, then posts one of its forms with the page's CSRF token. */
        HttpResponse<String> submit(String link, String action, Map<String, String> fields) {
            var page = get(link);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrf(page));
            return post(link + action, form);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                clientIp.ifPresent(ip -> request.header("X-Forwarded-For", ip));
                return http.send(
                        request.header("User-Agent", "FreightGate-PageIT/1.0").build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
