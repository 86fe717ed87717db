package io.freightgate.local.demo;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.AddReference;
import io.freightgate.kyc.ApproveCase;
import io.freightgate.kyc.CaseChange;
import io.freightgate.kyc.CaseView;
import io.freightgate.kyc.DocumentKind;
import io.freightgate.kyc.ImportSanctionsList;
import io.freightgate.kyc.KycChecks;
import io.freightgate.kyc.OpenCase;
import io.freightgate.kyc.OrganizationKind;
import io.freightgate.kyc.RecordReferenceCheck;
import io.freightgate.kyc.ReferenceStatus;
import io.freightgate.kyc.UploadDocument;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.freightgate.security.UserView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local mode: the demo carrier and shipper (seeded by {@link DemoLogins}) go through KYB the way real
 * organizations do, through the KYC module's facades: a small invented sanctions list is imported so screening runs,
 * their admins open the case, upload the documents and add a reference, and the demo compliance officer checks the
 * reference and approves. Their VAT numbers are registered with the local VIES emulator first (its registry lives in
 * memory, so on every start). Verified organizations are left alone, so restarts change nothing.
 */
@Component
@LocalDemo
class DemoOrganizationsAreVerified {

    private static final Reach ACROSS_TENANTS =
            Reach.acrossTenants("DemoOrganizationsAreVerified on its own authority");

    static final String CARRIER = DemoLogins.CARRIER;
    static final String SHIPPER = DemoLogins.SHIPPER;
    static final String SANCTIONS_SOURCE = "local-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganizationsAreVerified.class);

    private final OrganizationDirectory organizations;
    private final UserDirectory users;
    private final KycChecks kyc;
    private final Clock clock;
    private final String viesEndpoint;

    DemoOrganizationsAreVerified(
            OrganizationDirectory organizations,
            UserDirectory users,
            KycChecks kyc,
            Clock clock,
            @Value("${freightgate.vies.endpoint:}") String viesEndpoint) {
        this.organizations = organizations;
        this.users = users;
        this.kyc = kyc;
        this.clock = clock;
        this.viesEndpoint = viesEndpoint;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void seed() {
        Optional<OrganizationView> carrier = demo(CARRIER);
        Optional<OrganizationView> shipper = demo(SHIPPER);
        if (carrier.isEmpty() || shipper.isEmpty()) {
            log.warn("The demo organizations are missing; they are not verified");
            return;
        }
        registerWithVies(carrier.get());
        registerWithVies(shipper.get());
        if (kyc.isVerified(carrier.get().id()) && kyc.isVerified(shipper.get().id())) {
            return;
        }
        String compliance = user(OrganizationDirectory.PLATFORM, Role.COMPLIANCE_OFFICER);
        Tenancy.callAs(
                OrganizationDirectory.PLATFORM,
                compliance,
                () -> kyc.importSanctionsList(new ImportSanctionsList(
                        SANCTIONS_SOURCE,
                        "reference,kind,name,aliases\nDEMO-1,person,Ivan Inventedov,Ivan Inventado\n"
                                .getBytes(StandardCharsets.UTF_8))));
        verify(carrier.get(), Role.CARRIER_ADMIN, compliance);
        verify(shipper.get(), Role.SHIPPER_ADMIN, compliance);
    }

    private void verify(OrganizationView organization, Role adminRole, String compliance) {
        TenantId id = organization.id();
        if (kyc.isVerified(id)) {
            return;
        }
        boolean carrier = organization.type() == OrganizationType.CARRIER;
        String admin = user(id, adminRole);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        CaseView submitted = Tenancy.callAs(id, admin, () -> {
            expect(
                    kyc.openCase(new OpenCase(
                            id,
                            OrganizationKind.valueOf(organization.type().name()),
                            organization.legalName(),
                            organization.country().value(),
                            organization.vatNumber(),
                            "Dana Demo")),
                    "open the case");
            List<DocumentKind> kinds = carrier
                    ? List.of(
                            DocumentKind.COMPANY_REGISTER_EXTRACT,
                            DocumentKind.TRANSPORT_LICENCE,
                            DocumentKind.GOODS_IN_TRANSIT_INSURANCE,
                            DocumentKind.REPRESENTATIVE_ID)
                    : List.of(DocumentKind.COMPANY_REGISTER_EXTRACT, DocumentKind.REPRESENTATIVE_ID);
            for (DocumentKind kind : kinds) {
                expect(
                        kyc.uploadDocument(new UploadDocument(
                                id,
                                kind,
                                kind.name().toLowerCase(java.util.Locale.ROOT) + ".pdf",
                                onePagePdf(),
                                kind == DocumentKind.GOODS_IN_TRANSIT_INSURANCE
                                        ? Optional.of(today.plusYears(2))
                                        : Optional.empty())),
                        "upload " + kind);
            }
            expect(
                    kyc.addReference(new AddReference(
                            id, "Demo Reference Logistics", "ops@reference.demo.test", "customer", null)),
                    "add a reference");
            return expect(kyc.submitCase(id), "submit the case");
        });
        Tenancy.callAs(OrganizationDirectory.PLATFORM, compliance, () -> {
            UUID reference = submitted.references().getFirst().id();
            expect(
                    kyc.recordReferenceCheck(
                            new RecordReferenceCheck(id, reference, ReferenceStatus.CONFIRMED, "demo reference")),
                    "check the reference");
            return expect(kyc.approve(new ApproveCase(id, "local demo organization")), "approve");
        });
        log.info("Demo organization {} is verified (KYB)", organization.legalName());
    }

    private CaseView expect(CaseChange change, String step) {
        return switch (change) {
            case CaseChange.Done done -> done.view();
            case CaseChange.Refused refused ->
                throw new IllegalStateException(
                        "Demo KYB: could not " + step + ": " + refused.refusal() + " " + refused.detail());
        };
    }

    private Optional<OrganizationView> demo(String name) {
        return organizations.list(ACROSS_TENANTS).stream()
                .filter(organization -> organization.legalName().equals(name))
                .findFirst();
    }

    private String user(TenantId organization, Role role) {
        return users.list(organization, ACROSS_TENANTS).stream()
                .filter(user -> user.roles().contains(role))
                .map(UserView::id)
                .map(UUID::toString)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo " + role + " in " + organization));
    }

    /** The local VIES emulator's control endpoint registers the demo VAT numbers, so VIES answers VALID. */
    private void registerWithVies(OrganizationView organization) {
        if (viesEndpoint.isBlank() || organization.vatNumber().isEmpty()) {
            return;
        }
        String vat = organization.vatNumber().get();
        URI service = URI.create(viesEndpoint);
        String query = "countryCode=" + encode(vat.substring(0, 2)) + "&vatNumber=" + encode(vat.substring(2))
                + "&name=" + encode(organization.legalName()) + "&address=" + encode("Demo Street 1");
        URI control = service.resolve("/control/registry?" + query);
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(control)
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("The VIES emulator refused the demo VAT number {}: {}", vat, response.body());
            }
        } catch (IOException e) {
            log.warn("The VIES emulator could not register the demo VAT number {}: {}", vat, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] onePagePdf() {
        try (var document = new PDDocument();
                var out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
