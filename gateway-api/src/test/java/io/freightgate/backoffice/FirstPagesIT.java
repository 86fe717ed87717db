package io.freightgate.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.security.Logins;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * People arrive at {@code /} and are led to a first page of their own: platform staff to the back office, carriers and
 * shippers to their pages, anonymous visitors to the login, all through the authorization server's login (the web app
 * is its OAuth2 client). A page a role may not open is not in its menu and answers 403 by URL; staff reads of another
 * tenant's data are in the system access log. Runs in local mode's demo (the same context as {@code DemoLoginsIT}).
 */
@TestPropertySource(properties = "freightgate.local.data-dir=target/local-demo-it")
class FirstPagesIT extends GatewayIT {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final Pattern DEMO_USER =
            Pattern.compile("^user (\\S+)\\s+(\\S+)\\s+password (\\S+)(?:\\s+totp-secret (\\S+))?.*$");

    @Autowired
    Logins logins;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.freightgate.platform.tenancy.SystemAccess systemAccess;

    @Value("${freightgate.security.issuer}")
    String issuer;

    WebUsers users;

    @BeforeEach
    void people() {
        users = new WebUsers(api, callers, logins, clock);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        var page = browser().open("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.body()).contains("<h1>Log in</h1>");
    }

    @Test
    void eachDemoLoginReachesItsOwnFirstPageFromTheRoot() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("target/local-demo-it/demo-credentials.txt"));
        int people = 0;
        for (String line : lines) {
            var user = DEMO_USER.matcher(line);
            if (!user.matches()) {
                continue;
            }
            people++;
            Role role = Role.valueOf(user.group(1));
            WebBrowser browser = browser();

            var first = browser.logInFromTheFirstPage(
                    user.group(2), user.group(3), Optional.ofNullable(user.group(4)), clock.instant());

            assertThat(first.statusCode()).as(role + " " + browser.visited).isEqualTo(200);
            String expected =
                    switch (role.organizationType()) {
                        case PLATFORM -> "/backoffice";
                        case CARRIER -> "/portal/carrier";
                        case SHIPPER -> "/portal/shipper";
                    };
            assertThat(first.uri().getPath()).as(role.name()).isEqualTo(expected);
            assertThat(first.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow())
                    .contains("no-store");
            assertThat(browser.open("/").uri().getPath()).as("again, signed in").isEqualTo(expected);
        }
        assertThat(people).isEqualTo(Role.values().length);
    }

    @Test
    void aPageARoleMayNotSeeIsNotInItsMenuAndAnswers403ByUrl() {
        var analyst = users.person(OrganizationDirectory.PLATFORM, "RISK_ANALYST", true);
        WebBrowser browser = browser();
        var backOffice = browser.logInFromTheFirstPage(
                analyst.email(), WebUsers.PASSWORD, analyst.totpSecret(), clock.instant());
        assertThat(backOffice.uri().getPath()).isEqualTo("/backoffice");
        assertThat(backOffice.body())
                .doesNotContain("href=\"/backoffice/organizations\"")
                .doesNotContain("href=\"/backoffice/payment-requests\"");

        for (String path : List.of("/backoffice/organizations", "/backoffice/payment-requests", "/portal/carrier")) {
            var refused = browser.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/html");
            assertThat(refused.body()).contains("You cannot open this page");
        }

        var carrier = users.organization("CARRIER", "Menu Carrier");
        var dispatcher = users.person(carrier, "CARRIER_DISPATCHER", false);
        WebBrowser carrierBrowser = browser();
        var carrierPage = carrierBrowser.logInFromTheFirstPage(
                dispatcher.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(carrierPage.uri().getPath()).isEqualTo("/portal/carrier");
        assertThat(carrierPage.body()).doesNotContain("/backoffice").doesNotContain("onboarding/complete");
        assertThat(carrierPage.body())
                .as("dispatchers read payment requests, not transfers, as in the API")
                .contains("Your payment requests")
                .doesNotContain("Your transfer");
        var driver = users.person(carrier, "CARRIER_DRIVER", false);
        var driverPage =
                browser().logInFromTheFirstPage(driver.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(driverPage.uri().getPath()).isEqualTo("/portal/carrier");
        assertThat(driverPage.body())
                .as("drivers see no payment requests, as in the API")
                .contains("Your loads reach you as driver links")
                .doesNotContain("<table");
        assertThat(carrierBrowser.get("/backoffice").statusCode()).isEqualTo(403);
        assertThat(carrierBrowser.get("/backoffice/organizations").statusCode()).isEqualTo(403);
        assertThat(carrierBrowser.get("/portal/shipper").statusCode()).isEqualTo(403);
    }

    @Test
    void aStaffReadOfAnotherTenantsDataIsAudited() {
        var carrier = users.organization("CARRIER", "Audited Carrier " + java.util.UUID.randomUUID());
        var admin = users.person(OrganizationDirectory.PLATFORM, "PLATFORM_ADMIN", true);
        WebBrowser browser = browser();
        String canvas = java.util.UUID.randomUUID().toString().substring(0, 8);
        browser.logInFromTheFirstPage(
                admin.email(),
                WebUsers.PASSWORD,
                admin.totpSecret(),
                clock.instant(),
                java.util.Map.of(
                        "device_fingerprint",
                        "ua=Mozilla%2F5.0+Chrome%2F131.0&pl=Linux&lang=en&scr=1920x1080x24&tz=UTC&cv=" + canvas));
        assertThat(systemAccess.transaction(
                        io.freightgate.platform.tenancy.Reach.acrossTenants("test reads device links"),
                        "test",
                        () -> jdbc.queryForList(
                                "SELECT context || ' ' || admin || ' ' || seen_count FROM fraud_device_sightings"
                                        + " WHERE user_id = ? AND device_id LIKE 'dev\\_%'",
                                String.class, admin.id())))
                .as("the login's device, kept through the second factor, is linked to the user")
                .containsExactly("LOGIN false 1");

        var page = browser.get("/backoffice/organizations/" + carrier);

        assertThat(page.statusCode()).as(browser.visited.toString()).isEqualTo(200);
        assertThat(page.body()).contains("Audited Carrier");
        assertThat(jdbc.queryForList(
                        "SELECT actor FROM system_access_log WHERE reason = ?",
                        String.class,
                        "read organization " + carrier))
                .containsExactly(admin.id().toString());
        var list = browser.get("/backoffice/organizations");
        assertThat(list.body()).contains("Audited Carrier");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM system_access_log WHERE reason = 'list organizations' AND actor = ?",
                        Integer.class,
                        admin.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void aShipperSeesItsInvoicesEachOpeningTheHostedPaymentPageAndTheCarrierSeesWhatItsTransferWaitsFor() {
        var carrier = users.organization("CARRIER", "Billing Haulage");
        var shipper = users.organization("SHIPPER", "Paying Retail");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var created = api.post("/api/v1/payment-requests", """
                        {"shipper_id":"%s","amount_minor":200000,"currency":"EUR","load_reference":"LD-ARRIVE-1",\
                        "origin":"Hamburg, DE","destination":"Lyon, FR","pickup_date":"%s","delivery_date":"%s",\
                        "due_date":"%s","terms":"Net 14"}""".formatted(
                                shipper, today.minusDays(2), today.minusDays(1), today.plusDays(14)))
                .token(callers.of(carrier, Role.CARRIER_DISPATCHER))
                .idempotencyKey(java.util.UUID.randomUUID().toString())
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String requestId = created.json().get("payment_request").get("id").asString();
        var payer = users.person(shipper, "SHIPPER_PAYER", false);
        var finance = users.person(carrier, "CARRIER_FINANCE", false);

        WebBrowser shipperBrowser = browser();
        var invoices = shipperBrowser.logInFromTheFirstPage(
                payer.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(invoices.body()).contains("LD-ARRIVE-1").contains("2000.00 EUR");
        String pay = "/portal/shipper/payment-requests/" + requestId + "/pay";
        assertThat(invoices.body()).contains("href=\"" + pay + "\"");
        var toPaymentPage = shipperBrowser.get(pay);
        assertThat(toPaymentPage.statusCode()).isEqualTo(303);
        var paymentPage = shipperBrowser.get(
                toPaymentPage.headers().firstValue("Location").orElseThrow());
        assertThat(paymentPage.statusCode()).isEqualTo(200);
        assertThat(paymentPage.body()).contains("LD-ARRIVE-1").contains("Billing Haulage");
        assertThat(created.json().get("payment_page_url").asString())
                .isEqualTo(toPaymentPage.headers().firstValue("Location").orElseThrow());

        WebBrowser carrierBrowser = browser();
        var requests = carrierBrowser.logInFromTheFirstPage(
                finance.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(requests.body()).contains("LD-ARRIVE-1").contains("The shipper&#39;s payment");
        assertThat(carrierBrowser.get(pay).statusCode())
                .as("a carrier opens no shipper page")
                .isEqualTo(403);
        var otherShipper = users.person(users.organization("SHIPPER", "Other Retail"), "SHIPPER_ADMIN", false);
        WebBrowser otherBrowser = browser();
        otherBrowser.logInFromTheFirstPage(otherShipper.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(otherBrowser.get(pay).statusCode()).isEqualTo(404);
    }

    @Test
    void disablingAUserEndsTheirSignedInPages() {
        var carrier = users.organization("CARRIER", "Leaving Haulage");
        var dispatcher = users.person(carrier, "CARRIER_DISPATCHER", false);
        WebBrowser browser = browser();
        var first =
                browser.logInFromTheFirstPage(dispatcher.email(), WebUsers.PASSWORD, Optional.empty(), clock.instant());
        assertThat(first.statusCode()).isEqualTo(200);

        var disabled = api.post("/api/v1/organizations/" + carrier + "/users/" + dispatcher.id() + "/disable", "{}")
                .token(callers.platformAdmin())
                .idempotencyKey(java.util.UUID.randomUUID().toString())
                .send();

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        var after = browser.get("/portal/carrier");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(browser.open("/portal/carrier").uri().getPath()).isEqualTo("/login");
    }

    private WebBrowser browser() {
        return new WebBrowser(port, issuer, "198.51.100." + ADDRESSES.incrementAndGet());
    }
}
