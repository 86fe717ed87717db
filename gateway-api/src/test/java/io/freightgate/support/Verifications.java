package io.freightgate.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes an organization through KYB verification by the real API, as its admin and a compliance officer would: case,
 * documents, a reference, submission, reference check, VIES check against the emulator, approval. Payment tests need
 * verified parties because only verified organizations may bill and pay.
 */
public record Verifications(Api api, Callers callers, ViesEmulator vies) {

    /** The VAT number {@link GatewayIT#organizationJson} gives every test organization, registered with VIES. */
    static final String VAT_COUNTRY = "DE";

    static final String VAT_NUMBER = "811907980";

    public static final byte[] PDF = onePagePdf();

    /** Verifies a carrier ({@code carrier}) or shipper; fails the test if any step is refused. */
    public void verify(TenantId organization, boolean carrier) {
        vies.registry().register(VAT_COUNTRY, VAT_NUMBER, "Test Organization GmbH", "Hafenstrasse 1, 20457 Hamburg");
        String admin = callers.of(organization, carrier ? Role.CARRIER_ADMIN : Role.SHIPPER_ADMIN);
        String compliance = callers.platformStaff(Role.COMPLIANCE_OFFICER);
        ok(api.multipart(
                        "POST",
                        "/api/v1/kyc/sanctions-lists",
                        Map.of("source", "test"),
                        "file",
                        "list.csv",
                        "text/csv",
                        "reference,kind,name,aliases\nT-1,person,Ivan Inventedov,\n".getBytes())
                .token(compliance)
                .idempotencyKey(UUID.randomUUID().toString())
                .send());
        ok(api.post("/api/v1/kyc/cases", "{\"representative_name\":\"Test Representative\"}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send());
        List<String> kinds = carrier
                ? List.of(
                        "COMPANY_REGISTER_EXTRACT",
                        "TRANSPORT_LICENCE",
                        "GOODS_IN_TRANSIT_INSURANCE",
                        "REPRESENTATIVE_ID")
                : List.of("COMPANY_REGISTER_EXTRACT", "REPRESENTATIVE_ID");
        for (String kind : kinds) {
            Map<String, String> fields = kind.equals("GOODS_IN_TRANSIT_INSURANCE")
                    ? Map.of(
                            "kind",
                            kind,
                            "expires_on",
                            LocalDate.now().plusYears(2).toString())
                    : Map.of("kind", kind);
            ok(api.multipart(
                            "POST",
                            "/api/v1/kyc/cases/" + organization + "/documents",
                            fields,
                            "file",
                            "document.pdf",
                            "application/pdf",
                            PDF)
                    .token(admin)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send());
        }
        ok(api.post(
                        "/api/v1/kyc/cases/" + organization + "/references",
                        "{\"company\":\"Reference Co\",\"contact\":\"ops@reference.test\",\"relationship\":\"customer\"}")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send());
        var submitted = ok(api.post("/api/v1/kyc/cases/" + organization + "/submission", "")
                .token(admin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send());
        String reference = submitted.json().get("references").get(0).get("id").asString();
        ok(api.post(
                        "/api/v1/kyc/cases/" + organization + "/references/" + reference + "/checks",
                        "{\"status\":\"CONFIRMED\",\"notes\":\"called\"}")
                .token(compliance)
                .idempotencyKey(UUID.randomUUID().toString())
                .send());
        ok(api.post("/api/v1/kyc/cases/" + organization + "/vat-checks", "")
                .token(compliance)
                .idempotencyKey(UUID.randomUUID().toString())
                .send());
        var approved = ok(api.post(
                        "/api/v1/kyc/cases/" + organization + "/decisions",
                        "{\"decision\":\"APPROVE\",\"reason\":\"test organization\"}")
                .token(compliance)
                .idempotencyKey(UUID.randomUUID().toString())
                .send());
        assertThat(approved.json().get("state").asString()).isEqualTo("VERIFIED");
    }

    private static Api.Response ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response;
    }

    private static byte[] onePagePdf() {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument();
                var out = new ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
