package io.freightgate.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.KycChecks;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Local mode with a data directory (the same one as {@code DemoLoginsIT}, so both share one started gateway): the
 * demo carrier and shipper are verified through KYB, the shipper has an open request whose pay link in
 * {@code demo-credentials.txt} opens the hosted payment page and pays with a test card, and {@code DEMO-LOAD-1001} is
 * paid; seeding again changes nothing.
 */
@TestPropertySource(properties = "freightgate.local.data-dir=target/local-demo-it")
class DemoPaymentsIT extends GatewayIT {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Autowired
    OrganizationDirectory organizations;

    @Autowired
    KycChecks kyc;

    @Autowired
    DemoOrganizationsAreVerified verification;

    @Autowired
    DemoShipperHasPaymentRequests paymentRequests;

    @Value("${freightgate.local.data-dir}")
    String dataDirectory;

    @Test
    void theDemoPartiesAreVerifiedAndThePayLinkInTheCredentialsFilePaysTheOpenRequest() throws Exception {
        TenantId carrier = demo(DemoOrganizationsAreVerified.CARRIER);
        TenantId shipper = demo(DemoOrganizationsAreVerified.SHIPPER);
        assertThat(kyc.isVerified(carrier)).isTrue();
        assertThat(kyc.isVerified(shipper)).isTrue();

        List<JsonNode> requests = requestsOf(carrier);
        assertThat(requests)
                .filteredOn(r -> r.get("load_reference").asString().equals(DemoShipperHasPaymentRequests.PAID_LOAD))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("PAID"));
        JsonNode paidDemo = requests.stream()
                .filter(r -> r.get("load_reference").asString().equals(DemoShipperHasPaymentRequests.PAID_LOAD))
                .findFirst()
                .orElseThrow();
        var loads = api.get("/api/v1/loads")
                .token(callers.of(carrier, Role.CARRIER_DISPATCHER))
                .send();
        assertThat(loads.status()).as(loads.body()).isEqualTo(200);
        JsonNode demoLoad = java.util.stream.StreamSupport.stream(loads.json().spliterator(), false)
                .filter(load -> load.get("load_number").asString().equals(DemoShipperHasPaymentRequests.PAID_LOAD))
                .findFirst()
                .orElseThrow();
        assertThat(demoLoad.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(paidDemo.get("load_id").asString())
                .as("the paid demo request points to the demo load")
                .isEqualTo(demoLoad.get("id").asString());
        var transfer = api.get("/api/v1/payment-requests/" + paidDemo.get("id").asString() + "/transfer")
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .send();
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
        assertThat(transfer.json().get("delivery_confirmed_at").isNull())
                .as("delivered before it was billed: the transfer knows (it waits for a payout account)")
                .isFalse();

        URI link = URI.create(payLink());
        String page = "http://localhost:" + port + link.getRawPath();
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var shown = http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains(DemoShipperHasPaymentRequests.OPEN_LOAD)
                .contains(DemoOrganizationsAreVerified.CARRIER)
                .contains("1850.00 EUR")
                .contains("pm_card_visa");

        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(shown.body());
        assertThat(csrf.find()).isTrue();
        var paid = http.send(
                HttpRequest.newBuilder(URI.create(page + "/card"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("payment_method=pm_card_visa&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        assertThat(requestsOf(carrier))
                .filteredOn(r -> r.get("load_reference").asString().equals(DemoShipperHasPaymentRequests.OPEN_LOAD))
                .singleElement()
                .satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("PAID"));
    }

    @Test
    void seedingAgainChangesNothing() throws Exception {
        TenantId carrier = demo(DemoOrganizationsAreVerified.CARRIER);
        String before = Files.readString(credentials());
        int requests = requestsOf(carrier).size();

        verification.seed();
        paymentRequests.seed();

        assertThat(Files.readString(credentials())).isEqualTo(before);
        assertThat(requestsOf(carrier)).hasSize(requests);
    }

    private String payLink() throws Exception {
        return Files.readAllLines(credentials()).stream()
                .filter(line -> line.startsWith(DemoShipperHasPaymentRequests.PAY_LINK_LINE))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow();
    }

    private Path credentials() {
        return Path.of(dataDirectory).resolve("demo-credentials.txt");
    }

    private TenantId demo(String name) {
        return organizations.list(ACROSS_TENANTS).stream()
                .filter(organization -> organization.legalName().equals(name))
                .map(OrganizationView::id)
                .findFirst()
                .orElseThrow();
    }

    private List<JsonNode> requestsOf(TenantId carrier) {
        var response = api.get("/api/v1/payment-requests?limit=200")
                .token(callers.of(carrier, Role.CARRIER_FINANCE))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> requests = new ArrayList<>();
        response.json().forEach(requests::add);
        return requests;
    }
}
