package io.freightgate.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.KycModuleTestApplication;
import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.support.Pdfs;
import io.freightgate.platform.tenancy.Tenancy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;

/**
 * The kyc module on its own, with the shared kernel and platform, against the embedded PostgreSQL: a KYB case driven
 * through {@link KycChecks} as the gateway drives it, and the events the gateway's flows hear. Modulith starts only
 * kyc's packages ({@code STANDALONE}). Local mode and the emulators (the embedded database, the clock) sit under
 * {@code io.freightgate} on the test classpath, so Modulith takes them for modules: they are included explicitly, and
 * the module structure is verified by the gateway's {@code ModularityTests} rather than here
 * ({@code verifyAutomatically = false}).
 */
@ApplicationModuleTest(
        classes = KycModuleTestApplication.class,
        mode = ApplicationModuleTest.BootstrapMode.STANDALONE,
        extraIncludes = {"local", "emulator"},
        verifyAutomatically = false)
class KycModuleIT {

    private static final TenantId PLATFORM = new TenantId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    @Autowired
    KycChecks kyc;

    @Autowired
    Clock clock;

    @Test
    void aCarrierCaseSubmittedCompleteIsScreenedAndItsApprovalVerifiesTheCarrier(
            Scenario scenario, AssertablePublishedEvents events) {
        importSanctionsList();
        TenantId carrier = TenantId.random();
        collectEverything(carrier);

        var submitted = as(carrier, () -> kyc.submitCase(carrier));

        assertThat(submitted).isInstanceOf(CaseChange.Done.class);
        assertThat(events)
                .contains(KybCaseSubmitted.class)
                .matching(KybCaseSubmitted::organization, carrier)
                .matching(KybCaseSubmitted::screening, ScreeningStatus.CLEAR);
        assertThat(kyc.isVerified(carrier)).isFalse();
        UUID reference =
                ((CaseChange.Done) submitted).view().references().getFirst().id();
        asComplianceOfficer(() -> kyc.recordReferenceCheck(
                new RecordReferenceCheck(carrier, reference, ReferenceStatus.CONFIRMED, "Confirmed by phone")));

        Instant before = clock.instant();
        scenario.stimulate(tx -> asComplianceOfficer(() -> kyc.approve(new ApproveCase(carrier, "All good"))))
                .andWaitForEventOfType(OrganizationVerified.class)
                .matching(event -> event.organization().equals(carrier))
                .toArriveAndVerify((event, change) -> {
                    assertThat(event.kind()).isEqualTo(OrganizationKind.CARRIER);
                    assertThat(event.verifiedAt()).isBetween(before, clock.instant());
                    assertThat(change).isInstanceOfSatisfying(CaseChange.Done.class, done -> assertThat(
                                    done.view().state())
                            .isEqualTo(CaseState.VERIFIED));
                });
        assertThat(kyc.isVerified(carrier)).isTrue();
    }

    @Test
    void anIncompleteCaseIsRefusedAsAValueAndNothingIsPublished(AssertablePublishedEvents events) {
        TenantId carrier = TenantId.random();
        as(
                carrier,
                () -> kyc.openCase(new OpenCase(
                        carrier,
                        OrganizationKind.CARRIER,
                        "Halbfertig Transporte GmbH",
                        "DE",
                        Optional.empty(),
                        "Erika Mustermann")));

        var refused = as(carrier, () -> kyc.submitCase(carrier));

        assertThat(refused).isInstanceOfSatisfying(CaseChange.Refused.class, it -> assertThat(it.refusal())
                .isEqualTo(CaseChange.Refusal.INCOMPLETE));
        assertThat(events.ofType(KybCaseSubmitted.class)).isEmpty();
        assertThat(as(carrier, () -> kyc.findCase(carrier)))
                .hasValueSatisfying(view -> assertThat(view.state()).isEqualTo(CaseState.COLLECTING));
    }

    private void collectEverything(TenantId carrier) {
        as(
                carrier,
                () -> kyc.openCase(new OpenCase(
                        carrier,
                        OrganizationKind.CARRIER,
                        "Nordlicht Spedition GmbH",
                        "DE",
                        Optional.empty(),
                        "Erika Mustermann")));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        upload(carrier, DocumentKind.COMPANY_REGISTER_EXTRACT, Optional.empty());
        upload(carrier, DocumentKind.TRANSPORT_LICENCE, Optional.of(today.plusYears(5)));
        upload(carrier, DocumentKind.REPRESENTATIVE_ID, Optional.empty());
        upload(carrier, DocumentKind.GOODS_IN_TRANSIT_INSURANCE, Optional.of(today.plusYears(1)));
        var referenced = as(
                carrier,
                () -> kyc.addReference(new AddReference(
                        carrier, "Hanse Retail AG", "Jane Doe, +49 40 1234567", "Regular shipper since 2019", null)));
        assertThat(referenced).isInstanceOf(CaseChange.Done.class);
    }

    private void upload(TenantId carrier, DocumentKind kind, Optional<LocalDate> expiresOn) {
        var change = as(
                carrier,
                () -> kyc.uploadDocument(new UploadDocument(
                        carrier, kind, kind.name().toLowerCase() + ".pdf", Pdfs.plain(), expiresOn)));
        assertThat(change).as(kind.name()).isInstanceOf(CaseChange.Done.class);
    }

    private void importSanctionsList() {
        var imported = asComplianceOfficer(
                () -> kyc.importSanctionsList(new ImportSanctionsList("TEST", """
                reference,kind,name,aliases
                TST-001,person,"KRASNOV, Vladimir Ivanovich",Wladimir Krasnow
                """.getBytes(StandardCharsets.UTF_8))));
        assertThat(imported).isInstanceOf(SanctionsImport.Imported.class);
    }

    private static <T> T as(TenantId tenant, Supplier<T> work) {
        return Tenancy.callAs(tenant, "user-of-" + tenant.value(), work);
    }

    private static <T> T asComplianceOfficer(Supplier<T> work) {
        return Tenancy.callAs(PLATFORM, "compliance-officer-1", work);
    }
}
