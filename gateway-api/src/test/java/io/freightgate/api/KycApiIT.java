package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A carrier's KYB case from opening to verified, through the REST API, VIES emulator and sanctions screening. */
class KycApiIT extends GatewayIT {

    static final byte[] PDF = onePagePdf();

    static byte[] onePagePdf() {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument();
                var out = new ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    ViesEmulator vies;

    @Test
    void aCarrierIsVerifiedEndToEnd() throws Exception {
        vies.registry().register("DE", "811907980", "Journey Haulage GmbH", "Hafenstrasse 1, 20457 Hamburg");
        TenantId carrier = register("Journey Haulage GmbH", "DE811907980");
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);
        String compliance = callers.platformStaff(Role.COMPLIANCE_OFFICER);
        importSanctions(compliance, "reference,kind,name,aliases\nS-1,person,Ivan Inventedov,I. Inventedov\n");

        assertThat(post(admin, "/api/v1/kyc/cases", "{\"representative_name\":\"Anna Fahrer\"}")
                        .status())
                .isEqualTo(201);
        for (String kind : new String[] {
            "COMPANY_REGISTER_EXTRACT", "TRANSPORT_LICENCE", "GOODS_IN_TRANSIT_INSURANCE", "REPRESENTATIVE_ID"
        }) {
            var upload = upload(admin, carrier, kind, "document.pdf", PDF);
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        }
        post(
                admin,
                "/api/v1/kyc/cases/" + carrier + "/references",
                "{\"company\":\"Baltic Cargo\",\"contact\":\"ops@baltic.test\",\"relationship\":\"customer since 2021\"}");
        var submitted = post(admin, "/api/v1/kyc/cases/" + carrier + "/submission", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("state").asString()).isEqualTo("IN_REVIEW");

        var queue =
                api.get("/api/v1/kyc/cases?state=IN_REVIEW").token(compliance).send();
        assertThat(queue.json().findValuesAsString("organization")).contains(carrier.toString());
        String reference = submitted.json().get("references").get(0).get("id").asString();
        post(
                compliance,
                "/api/v1/kyc/cases/" + carrier + "/references/" + reference + "/checks",
                "{\"status\":\"CONFIRMED\",\"notes\":\"called the contact\"}");
        var vat = post(compliance, "/api/v1/kyc/cases/" + carrier + "/vat-checks", "");
        assertThat(vat.status()).as(vat.body()).isEqualTo(200);
        assertThat(vat.json().get("outcome").asString()).as(vat.body()).isEqualTo("VALID");
        assertThat(vat.json().get("consultation_number").asString()).isNotBlank();

        var approved = post(
                compliance,
                "/api/v1/kyc/cases/" + carrier + "/decisions",
                "{\"decision\":\"APPROVE\",\"reason\":\"documents and references in order\"}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("VERIFIED");
        var document = api.get("/api/v1/kyc/cases/" + carrier + "/documents/"
                        + approved.json().get("documents").get(0).get("id").asString() + "/content")
                .token(compliance)
                .send();
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void anotherOrganizationsCaseIsInvisibleAndBadFilesAreRefused() throws Exception {
        TenantId carrier = register("Private Haulage", null);
        TenantId stranger = register("Curious Haulage", null);
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);
        post(admin, "/api/v1/kyc/cases", "{\"representative_name\":\"Jan Kowalski\"}");

        var foreign = api.get("/api/v1/kyc/cases/" + carrier)
                .token(callers.of(stranger, Role.CARRIER_ADMIN))
                .send();
        var script = upload(admin, carrier, "REPRESENTATIVE_ID", "id.pdf", "<script>".getBytes(StandardCharsets.UTF_8));
        var traversal = upload(admin, carrier, "REPRESENTATIVE_ID", "../../etc/passwd", PDF);
        var withJavaScript = upload(
                admin,
                carrier,
                "REPRESENTATIVE_ID",
                "js.pdf",
                "%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF"
                        .getBytes(StandardCharsets.US_ASCII));
        var own = api.get("/api/v1/kyc/cases/" + carrier).token(admin).send();

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(traversal.statusCode()).isEqualTo(422);
        assertThat(withJavaScript.statusCode()).isEqualTo(422);
        assertThat(own.json().get("documents")).isEmpty();
    }

    @Test
    void aSanctionsHitIsShownToComplianceAndNeverToTheOrganization() throws Exception {
        TenantId carrier = register("Tipping Point Haulage", null);
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);
        String compliance = callers.platformStaff(Role.COMPLIANCE_OFFICER);
        importSanctions(compliance, "reference,kind,name,aliases\nTIP-7,person,Oleg Tippedoffsky,\n", "tip-list");
        post(admin, "/api/v1/kyc/cases", "{\"representative_name\":\"Oleg Tippedoffsky\"}");
        for (String kind : new String[] {
            "COMPANY_REGISTER_EXTRACT", "TRANSPORT_LICENCE", "GOODS_IN_TRANSIT_INSURANCE", "REPRESENTATIVE_ID"
        }) {
            assertThat(upload(admin, carrier, kind, "document.pdf", PDF).statusCode())
                    .isEqualTo(200);
        }
        post(
                admin,
                "/api/v1/kyc/cases/" + carrier + "/references",
                "{\"company\":\"Baltic Cargo\",\"contact\":\"ops@baltic.test\",\"relationship\":\"customer\"}");

        var submitted = post(admin, "/api/v1/kyc/cases/" + carrier + "/submission", "");
        var ownRead = api.get("/api/v1/kyc/cases/" + carrier).token(admin).send();
        var complianceRead =
                api.get("/api/v1/kyc/cases/" + carrier).token(compliance).send();

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        for (var organizationView : new Api.Response[] {submitted, ownRead}) {
            assertThat(organizationView.json().path("screening").isMissingNode()
                            || organizationView.json().get("screening").isNull())
                    .as(organizationView.body())
                    .isTrue();
            assertThat(organizationView.body()).doesNotContain("TIP-7", "SANCTIONS", "HIT", "tip-list");
        }
        assertThat(complianceRead.json().get("screening").get("status").asString())
                .isEqualTo("HIT");
        assertThat(complianceRead.json().get("screening").get("matches").get(0).asString())
                .contains("TIP-7");
        importSanctions(compliance, "reference,kind,name,aliases\nTIP-7,person,Nobody Listed Here,\n", "tip-list");
    }

    @Test
    void vatNumbersAreValidatedOfflineWithTheFailingPartNamed() {
        String anyone = callers.of(TenantId.random(), Role.SHIPPER_PAYER);

        var valid = post(anyone, "/api/v1/kyc/vat-validations", "{\"vat_number\":\"de 811 907 980\"}");
        var badDigit = post(anyone, "/api/v1/kyc/vat-validations", "{\"vat_number\":\"DE811907981\"}");
        var liveForPayer =
                post(anyone, "/api/v1/kyc/vat-validations", "{\"vat_number\":\"DE811907980\",\"vies\":true}");

        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.json().get("normalized").asString()).isEqualTo("DE811907980");
        assertThat(badDigit.json().get("failure").asString()).isEqualTo("CHECK_DIGIT");
        assertThat(liveForPayer.status()).isEqualTo(403);
    }

    private Api.Response post(String token, String path, String json) {
        return api.post(path, json)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private TenantId register(String name, String vat) {
        var body = new LinkedHashMap<String, Object>(
                Map.of("type", "CARRIER", "legal_name", name, "country", "DE", "contact_email", "kyc@carrier.test"));
        if (vat != null) {
            body.put("vat_number", vat);
        }
        var response = post(
                callers.platformAdmin(),
                "/api/v1/organizations",
                JsonMapper.builder().build().writeValueAsString(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    private void importSanctions(String token, String csv) throws Exception {
        importSanctions(token, csv, "test-list");
    }

    private void importSanctions(String token, String csv, String source) throws Exception {
        var response = multipart(
                token,
                "/api/v1/kyc/sanctions-lists",
                Map.of("source", source),
                "file",
                "list.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> upload(String token, TenantId organization, String kind, String name, byte[] bytes)
            throws Exception {
        var fields = new LinkedHashMap<String, String>();
        fields.put("kind", kind);
        if (kind.equals("GOODS_IN_TRANSIT_INSURANCE")) {
            fields.put("expires_on", LocalDate.now().plusYears(1).toString());
        }
        return multipart(
                token,
                "/api/v1/kyc/cases/" + organization + "/documents",
                fields,
                "file",
                name,
                "application/pdf",
                bytes);
    }

    private HttpResponse<String> multipart(
            String token,
            String path,
            Map<String, String> fields,
            String fileField,
            String fileName,
            String contentType,
            byte[] bytes)
            throws Exception {
        String boundary = "fg" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
