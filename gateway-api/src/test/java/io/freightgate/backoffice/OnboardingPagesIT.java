package io.freightgate.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.security.Logins;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Stripe's onboarding sends the carrier back to FreightGate: {@code /carriers/{id}/onboarding/refresh} makes a fresh
 * account link and sends the carrier into onboarding again, {@code /complete} shows where the onboarding stands as
 * Stripe (the emulator) has it now; only that carrier's admins and finance staff open them.
 */
class OnboardingPagesIT extends GatewayIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    Logins logins;

    @Autowired
    Clock clock;

    @Value("${freightgate.security.issuer}")
    String issuer;

    private final HttpClient stripeBrowser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theRefreshPageSendsTheCarrierBackIntoOnboardingAndTheReturnPageShowsWhereItStands() throws Exception {
        var users = new WebUsers(api, callers, logins, clock);
        var carrier = users.organization("CARRIER", "Onboarding Carrier");
        var admin = users.person(carrier, "CARRIER_ADMIN", false);
        var opened = api.post("/api/v1/carriers/" + carrier + "/payout-account", "{}")
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        WebBrowser browser = browser();
        browser.logInFromTheFirstPage(admin.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());

        var refresh = browser.get("/carriers/" + carrier + "/onboarding/refresh");
        assertThat(refresh.statusCode()).isEqualTo(303);
        URI onboarding = URI.create(refresh.headers().firstValue("Location").orElseThrow());
        assertThat(stripeBrowser
                        .send(HttpRequest.newBuilder(onboarding).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("Submit onboarding details");
        var pending = browser.get("/carriers/" + carrier + "/onboarding/complete");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.body()).contains("Onboarding is not complete yet").contains("Continue the onboarding");

        var submitted = stripeBrowser.send(
                HttpRequest.newBuilder(onboarding)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=submit"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String back = submitted.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith("/carriers/" + carrier + "/onboarding/complete");
        var complete = browser.open(back);

        assertThat(complete.statusCode()).isEqualTo(200);
        assertThat(complete.body()).contains("Onboarding is complete").doesNotContain("Continue the onboarding");
    }

    @Test
    void onlyThatCarriersAdminsAndFinanceStaffOpenThePages() {
        var users = new WebUsers(api, callers, logins, clock);
        var carrier = users.organization("CARRIER", "Guarded Carrier");
        var dispatcher = users.person(carrier, "CARRIER_DISPATCHER", false);
        var other = users.person(users.organization("CARRIER", "Other Carrier"), "CARRIER_ADMIN", false);

        var anonymous = browser().open("/carriers/" + carrier + "/onboarding/complete");
        assertThat(anonymous.uri().getPath()).isEqualTo("/login");

        WebBrowser dispatcherBrowser = browser();
        dispatcherBrowser.logInFromTheFirstPage(
                dispatcher.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(dispatcherBrowser
                        .get("/carriers/" + carrier + "/onboarding/complete")
                        .statusCode())
                .isEqualTo(403);
        assertThat(dispatcherBrowser
                        .get("/carriers/" + carrier + "/onboarding/refresh")
                        .statusCode())
                .isEqualTo(403);

        WebBrowser otherBrowser = browser();
        otherBrowser.logInFromTheFirstPage(other.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        var foreign = otherBrowser.get("/carriers/" + carrier + "/onboarding/complete");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("Page not found");
        assertThat(otherBrowser
                        .get("/carriers/" + carrier + "/onboarding/refresh")
                        .statusCode())
                .isEqualTo(404);
    }

    private WebBrowser browser() {
        return new WebBrowser(port, issuer, "192.0.2." + ADDRESSES.incrementAndGet());
    }
}
