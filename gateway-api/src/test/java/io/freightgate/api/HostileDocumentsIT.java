package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.loads.LoadFixtures;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import io.freightgate.support.HostileFiles;
import io.freightgate.support.PageForm;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile files on the real upload endpoints, in a gateway JVM of 512 MiB (the failsafe execution {@code small-heap}):
 * a 10 KB PDF that inflates to 1 GiB, a PNG that declares 60000 x 60000 pixels and one whose compressed text inflates
 * to 4 GiB are refused with a 422 problem and the next request is served; PDFs with JavaScript, an embedded file or a
 * launch action are refused at every entry point while a clean PDF passes; the shipper of a load downloads its proof of
 * delivery and nobody else does.
 */
@Tag("small-heap")
class HostileDocumentsIT extends GatewayIT {

    static final byte[] PDF_BOMB = HostileFiles.pdfBomb(1024);
    static final byte[] HUGE_PNG = HostileFiles.pngHeader(60_000, 60_000);
    static final byte[] PNG_TEXT_BOMB = HostileFiles.pngTextBomb(4096);
    static final byte[] CLEAN_PDF = LoadFixtures.pdf(List.of("Load number: LD-CLEAN-1", "Rate: EUR 900.00"));
    static final Map<String, byte[]> ACTIVE = Map.of(
            "open-action JavaScript", HostileFiles.openActionJavaScript(),
            "embedded file", HostileFiles.embeddedFile(),
            "launch action", HostileFiles.launchAction());

    record Parties(TenantId carrier, TenantId shipper, String dispatcher) {}

    @Test
    void bombsAreRefusedQuicklyAndTheNextRequestIsServed() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("the failsafe execution small-heap runs this JVM with -Xmx512m")
                .isLessThanOrEqualTo(512L << 20);
        Parties parties = parties();
        String load = load(parties);
        assertThat(PDF_BOMB.length).isLessThan(30_000);

        timed("load document, 1 GiB PDF", () -> document(parties.dispatcher(), load, PDF_BOMB), "document-too-complex");
        assertThat(document(parties.dispatcher(), load, CLEAN_PDF).status()).isEqualTo(201);

        timed(
                "document suggestions, 1 GiB PDF",
                () -> suggestions(parties.dispatcher(), PDF_BOMB),
                "document-too-complex");
        assertThat(suggestions(parties.dispatcher(), CLEAN_PDF).status()).isEqualTo(200);

        timed("POD, 1 GiB PDF", () -> pod(parties.dispatcher(), load, "pod.pdf", PDF_BOMB), "document-too-complex");
        timed(
                "POD, PNG 60000 x 60000",
                () -> pod(parties.dispatcher(), load, "pod.png", HUGE_PNG),
                "document-too-complex");
        timed(
                "POD, PNG with 4 GiB zTXt",
                () -> pod(parties.dispatcher(), load, "pod.png", PNG_TEXT_BOMB),
                "document-too-complex");
        var photo = pod(
                parties.dispatcher(),
                load,
                "pod.jpg",
                LoadFixtures.photo(45.7642, 4.8359, Instant.now().truncatedTo(ChronoUnit.SECONDS), 1));
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);

        TenantId applicant = organization("CARRIER");
        String admin = callers.of(applicant, Role.CARRIER_ADMIN);
        assertThat(api.post("/api/v1/kyc/cases", "{\"representative_name\":\"Anna Fahrer\"}")
                        .token(admin)
                        .idempotencyKey(UUID.randomUUID().toString())
                        .send()
                        .status())
                .isEqualTo(201);
        timed("KYB document, 1 GiB PDF", () -> kyb(admin, applicant, PDF_BOMB), "unprocessable");
        assertThat(kyb(admin, applicant, CLEAN_PDF).status()).isEqualTo(200);
    }

    @Test
    void activePdfsAreRefusedAtEveryEntryPointAndACleanOnePasses() {
        Parties parties = parties();
        String load = load(parties);
        String driverLink = api.post("/api/v1/loads/" + load + "/driver-links", "")
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send()
                .json()
                .get("url")
                .asString();
        TenantId applicant = organization("CARRIER");
        String kybAdmin = callers.of(applicant, Role.CARRIER_ADMIN);
        api.post("/api/v1/kyc/cases", "{\"representative_name\":\"Anna Fahrer\"}")
                .token(kybAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        TenantId billing = organization("CARRIER");
        TenantId payer = organization("SHIPPER");
        verifications.verify(billing, true);
        verifications.verify(payer, false);
        String billingAdmin = callers.of(billing, Role.CARRIER_ADMIN);
        String request = paymentRequest(billingAdmin, payer);

        for (var file : ACTIVE.entrySet()) {
            String what = file.getKey();
            byte[] pdf = file.getValue();
            problem(what + " as a load document", document(parties.dispatcher(), load, pdf), "active-content-refused");
            problem(
                    what + " as document suggestions",
                    suggestions(parties.dispatcher(), pdf),
                    "active-content-refused");
            problem(what + " as a POD", pod(parties.dispatcher(), load, "pod.pdf", pdf), "active-content-refused");
            problem(
                    what + " as a rate confirmation",
                    rateConfirmation(billingAdmin, request, pdf),
                    "active-content-refused");
            problem(what + " as a KYB document", kyb(kybAdmin, applicant, pdf), "unprocessable");
            var page = driverPage(driverLink, pdf);
            assertThat(page.status()).as(what + " through a driver link").isEqualTo(422);
            assertThat(page.body()).contains("active content");
        }
        assertThat(api.get("/api/v1/loads/" + load + "/delivery-confirmations")
                        .token(parties.dispatcher())
                        .send()
                        .json())
                .as("no proof of delivery was stored")
                .isEmpty();

        assertThat(document(parties.dispatcher(), load, CLEAN_PDF).status()).isEqualTo(201);
        assertThat(suggestions(parties.dispatcher(), CLEAN_PDF).status()).isEqualTo(200);
        assertThat(rateConfirmation(billingAdmin, request, CLEAN_PDF).status()).isEqualTo(200);
        assertThat(kyb(kybAdmin, applicant, CLEAN_PDF).status()).isEqualTo(200);
        assertThat(pod(parties.dispatcher(), load, "pod.pdf", CLEAN_PDF).status())
                .isEqualTo(201);
    }

    @Test
    void theShipperOfALoadDownloadsItsProofOfDeliveryAndNobodyElse() {
        Parties parties = parties();
        String load = load(parties);
        byte[] photo = LoadFixtures.photo(45.7642, 4.8359, Instant.now().truncatedTo(ChronoUnit.SECONDS), 1);
        var uploaded = pod(parties.dispatcher(), load, "pod.jpg", photo);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String file = "/api/v1/loads/" + load + "/delivery-confirmations/"
                + uploaded.json().get("id").asString() + "/file";

        for (Role role : List.of(Role.SHIPPER_ADMIN, Role.SHIPPER_PAYER)) {
            var download =
                    api.get(file).token(callers.of(parties.shipper(), role)).send();
            assertThat(download.status()).as(role + ": " + download.body()).isEqualTo(200);
            assertThat(download.raw().body().length()).isPositive();
            assertThat(download.contentType()).isEqualTo("image/jpeg");
        }
        var bytes = api.get(file)
                .token(callers.of(parties.shipper(), Role.SHIPPER_ADMIN))
                .sendBytes();
        assertThat(bytes).isEqualTo(photo);
        assertThat(api.get(file).token(parties.dispatcher()).send().status()).isEqualTo(200);

        assertThat(api.get(file)
                        .token(callers.of(organization("SHIPPER"), Role.SHIPPER_ADMIN))
                        .send()
                        .status())
                .as("another shipper")
                .isEqualTo(404);
        assertThat(api.get(file)
                        .token(callers.of(organization("CARRIER"), Role.CARRIER_ADMIN))
                        .send()
                        .status())
                .as("another carrier")
                .isEqualTo(404);
    }

    private void timed(String what, Supplier<Api.Response> request, String problemSlug) {
        long started = System.nanoTime();
        Api.Response response = request.get();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("HostileDocumentsIT timing: %s answered %d in %d ms%n", what, response.status(), millis);
        problem(what, response, problemSlug);
    }

    private static void problem(String what, Api.Response response, String slug) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(422);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).as(what).endsWith("/problems/" + slug);
    }

    private Api.Response document(String token, String load, byte[] pdf) {
        return api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/documents",
                        Map.of("kind", "RATE_CONFIRMATION"),
                        "file",
                        "rc.pdf",
                        "application/pdf",
                        pdf)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response suggestions(String token, byte[] pdf) {
        return api.multipart(
                        "POST",
                        "/api/v1/loads/document-suggestions",
                        Map.of(),
                        "file",
                        "rc.pdf",
                        "application/pdf",
                        pdf)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response pod(String token, String load, String name, byte[] content) {
        return api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/delivery-confirmations",
                        Map.of(
                                "signatory_name",
                                "J. Smit",
                                "delivered_at",
                                Instant.now().toString()),
                        "file",
                        name,
                        "application/octet-stream",
                        content)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response driverPage(String url, byte[] content) {
        String path = url.substring(url.indexOf("/driver/"));
        var form = PageForm.of(api.get(path).send()); // as the driver's browser: the page's CSRF token and cookie
        return api.multipart(
                        "POST",
                        path,
                        Map.of("signatory_name", "J. Smit", "_csrf", form.csrf()),
                        "file",
                        "pod.pdf",
                        "application/pdf",
                        content)
                .header("Cookie", form.cookie())
                .send();
    }

    private Api.Response kyb(String token, TenantId organization, byte[] pdf) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("kind", "REPRESENTATIVE_ID");
        return api.multipart(
                        "POST",
                        "/api/v1/kyc/cases/" + organization + "/documents",
                        fields,
                        "file",
                        "id.pdf",
                        "application/pdf",
                        pdf)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response rateConfirmation(String token, String request, byte[] pdf) {
        return api.call("PUT", "/api/v1/payment-requests/" + request + "/rate-confirmation", pdf, "application/pdf")
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private String paymentRequest(String carrierAdmin, TenantId shipper) {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var response = api.post("/api/v1/payment-requests", """
                        {"shipper_id":"%s","amount_minor":25000,"currency":"EUR","load_reference":"HOSTILE-1","origin":"A",
                         "destination":"B","pickup_date":"%s","delivery_date":"%s","due_date":"%s"}
                        """.formatted(shipper, today, today, today.plusDays(30)))
                .token(carrierAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("payment_request").get("id").asString();
    }

    private Parties parties() {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        return new Parties(carrier, shipper, callers.of(carrier, Role.CARRIER_DISPATCHER));
    }

    private String load(Parties parties) {
        Instant pickup = Instant.now().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);
        var response = api.post("/api/v1/loads", """
                        {"shipper_id":"%s","load_number":"H-%s",
                         "pickup":{"address":"Hafenstrasse 1, 20457 Hamburg, DE","lat":53.5461,"lon":9.9661,"planned_at":"%s"},
                         "delivery":{"address":"12 Rue de la Republique, 69002 Lyon, FR","lat":45.7640,"lon":4.8357,"planned_at":"%s"}}
                        """.formatted(
                                parties.shipper(), UUID.randomUUID(), pickup, pickup.plus(Duration.ofHours(11))))
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private TenantId organization(String type) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson(
                                type, type + " " + UUID.randomUUID(), "ops-" + UUID.randomUUID() + "@example.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }
}
