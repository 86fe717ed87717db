package io.freightgate.kyc.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.emulator.vies.ViesEmulatorConfig;
import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.AddReference;
import io.freightgate.kyc.CaseChange;
import io.freightgate.kyc.CaseView;
import io.freightgate.kyc.DocumentKind;
import io.freightgate.kyc.ImportSanctionsList;
import io.freightgate.kyc.KycChecks;
import io.freightgate.kyc.KycTestApplication;
import io.freightgate.kyc.OpenCase;
import io.freightgate.kyc.OrganizationKind;
import io.freightgate.kyc.SanctionsImport;
import io.freightgate.kyc.UploadDocument;
import io.freightgate.platform.tenancy.Tenancy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionOperations;

/**
 * kyc with the platform against the embedded PostgreSQL and Redis and the VIES emulator (real SOAP on loopback). Test
 * classes extending it share one Spring context, one database and one emulator.
 */
@SpringBootTest(classes = KycTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordApplicationEvents
public abstract class KycIT {

    /** The platform operator's organization: compliance officers act from it. */
    protected static final TenantId PLATFORM = new TenantId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    protected static final ViesEmulator VIES = ViesEmulator.start(ViesEmulatorConfig.defaults());

    /** Invented names: nobody real is on this list. */
    protected static final String SANCTIONS_LIST = """
            reference,kind,name,aliases
            TST-001,person,"KRASNOV, Vladimir Ivanovich",Wladimir Krasnow|V. I. Krasnov
            TST-002,entity,Blackwater Shadow Freight Ltd,BSF Cargo Lines
            TST-003,person,Ondřej Zlatohlávek,
            """;

    @DynamicPropertySource
    static void vies(DynamicPropertyRegistry registry) {
        registry.add("freightgate.vies.endpoint", () -> VIES.endpointUrl().toString());
    }

    @Autowired
    protected KycChecks kyc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected TransactionOperations transactions;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected ApplicationEvents events;

    protected <T> T as(TenantId tenant, Supplier<T> work) {
        return Tenancy.callAs(tenant, "user-of-" + tenant.value(), work);
    }

    protected <T> T asComplianceOfficer(Supplier<T> work) {
        return Tenancy.callAs(PLATFORM, "compliance-officer-1", work);
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    protected void importTestSanctionsList() {
        var imported = asComplianceOfficer(() -> kyc.importSanctionsList(
                new ImportSanctionsList("TEST", SANCTIONS_LIST.getBytes(StandardCharsets.UTF_8))));
        assertThat(imported).isInstanceOf(SanctionsImport.Imported.class);
    }

    /** A German VAT number registered in the emulator (VIES answers VALID with name and address). */
    protected String registeredGermanVatNumber(String name) {
        String number = TestVatNumbers.nextGerman();
        VIES.registry().register("DE", number, name, "Hafenstr. 1\n20457 Hamburg");
        return number;
    }

    protected CaseView openCarrier(TenantId tenant, String legalName, String representative, Optional<String> vat) {
        var change = as(
                tenant,
                () -> kyc.openCase(
                        new OpenCase(tenant, OrganizationKind.CARRIER, legalName, "DE", vat, representative)));
        return done(change);
    }

    /** Uploads every document a carrier needs; the insurance expires on {@code insuranceExpiry}. */
    protected CaseView uploadCarrierDocuments(TenantId tenant, LocalDate insuranceExpiry) {
        byte[] pdf = Pdfs.plain();
        upload(tenant, DocumentKind.COMPANY_REGISTER_EXTRACT, "register.pdf", pdf, Optional.empty());
        upload(tenant, DocumentKind.TRANSPORT_LICENCE, "licence.pdf", pdf, Optional.of(today().plusYears(5)));
        upload(tenant, DocumentKind.REPRESENTATIVE_ID, "id.png", png(), Optional.empty());
        return upload(
                tenant, DocumentKind.GOODS_IN_TRANSIT_INSURANCE, "insurance.pdf", pdf, Optional.of(insuranceExpiry));
    }

    protected CaseView upload(
            TenantId tenant, DocumentKind kind, String name, byte[] content, Optional<LocalDate> expiresOn) {
        return done(as(tenant, () -> kyc.uploadDocument(new UploadDocument(tenant, kind, name, content, expiresOn))));
    }

    protected CaseView addReference(TenantId tenant, String company) {
        return done(as(
                tenant,
                () -> kyc.addReference(new AddReference(
                        tenant, company, "Jane Doe, +49 40 1234567", "Regular shipper since 2019", null))));
    }

    protected static CaseView done(CaseChange change) {
        assertThat(change).isInstanceOf(CaseChange.Done.class);
        return ((CaseChange.Done) change).view();
    }

    protected static CaseChange.Refusal refusal(CaseChange change) {
        assertThat(change).isInstanceOf(CaseChange.Refused.class);
        return ((CaseChange.Refused) change).refusal();
    }

    /** The header of a 640 x 480 PNG (signature, IHDR, IEND): enough for the document inspection to read its size. */
    protected static byte[] png() {
        byte[] ihdr = java.nio.ByteBuffer.allocate(17)
                .put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(640)
                .putInt(480)
                .put(new byte[] {8, 2, 0, 0, 0})
                .array();
        var crc = new java.util.zip.CRC32();
        crc.update(ihdr);
        var iend = new java.util.zip.CRC32();
        iend.update("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4 + 12)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13)
                .put(ihdr)
                .putInt((int) crc.getValue())
                .putInt(0)
                .put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt((int) iend.getValue())
                .array();
    }

    protected <T> T inSystemScope(Supplier<T> work) {
        return asComplianceOfficer(() -> Tenancy.inSystemScope() ? work.get() : systemRead(work));
    }

    @Autowired
    private io.freightgate.platform.tenancy.SystemAccess systemAccess;

    private <T> T systemRead(Supplier<T> work) {
        return systemAccess.call("test reads across tenants", () -> transactions.execute(status -> work.get()));
    }
}
