package io.freightgate.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.internal.cases.ExpiryMonitor;
import io.freightgate.kyc.support.KycIT;
import io.freightgate.kyc.support.Pdfs;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A KYB case from registration to verified, and the ways it leaves that path. */
class KybJourneyIT extends KycIT {

    @Autowired
    ExpiryMonitor monitor;

    @BeforeEach
    void sanctionsListIsImported() {
        importTestSanctionsList();
    }

    @Test
    void aCarrierGoesFromRegistrationToVerified() {
        TenantId carrier = TenantId.random();
        String vat = registeredGermanVatNumber("Nordlicht Spedition GmbH");

        CaseView opened = openCarrier(carrier, "Nordlicht Spedition GmbH", "Erika Mustermann", Optional.of("DE" + vat));
        assertThat(opened.state()).isEqualTo(CaseState.COLLECTING);
        assertThat(opened.missingDocuments()).hasSize(4);
        assertThat(opened.vat().status()).isEqualTo(VatStatus.NOT_CHECKED);

        uploadCarrierDocuments(carrier, today().plusYears(1));
        CaseView collected = addReference(carrier, "Hanse Retail AG");
        assertThat(collected.missingDocuments()).isEmpty();

        CaseView submitted = done(as(carrier, () -> kyc.submitCase(carrier)));
        assertThat(submitted.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(submitted.screening())
                .as("no screening in the organization's view")
                .isEmpty();
        assertThat(kyc.caseForReview(carrier)
                        .orElseThrow()
                        .screening()
                        .orElseThrow()
                        .status())
                .isEqualTo(ScreeningStatus.CLEAR);
        assertThat(submitted.vat().status()).isEqualTo(VatStatus.VALID);
        assertThat(submitted.vat().nextCheckAt()).isPresent();
        assertThat(events.stream(KybCaseSubmitted.class))
                .anyMatch(e -> e.organization().equals(carrier));

        var consultation = inSystemScope(() -> jdbc.queryForMap(
                "SELECT outcome, consultation_number, raw_response, trader_name, request_date, requester"
                        + " FROM vat_consultations WHERE id = ?",
                submitted.vat().consultation().orElseThrow()));
        assertThat(consultation.get("outcome")).isEqualTo("VALID");
        assertThat((String) consultation.get("consultation_number")).startsWith("WAPI");
        assertThat((String) consultation.get("raw_response")).contains("checkVatApproxResponse");
        assertThat(consultation.get("trader_name")).isEqualTo("Nordlicht Spedition GmbH");
        assertThat(consultation.get("request_date")).isNotNull();
        assertThat(consultation.get("requester")).isEqualTo("DE136695976");

        assertThat(kyc.isVerified(carrier)).isFalse();
        CaseChange tooEarly = asComplianceOfficer(() -> kyc.approve(new ApproveCase(carrier, null)));
        assertThat(refusal(tooEarly)).isEqualTo(CaseChange.Refusal.APPROVAL_BLOCKED);
        assertThat(((CaseChange.Refused) tooEarly).detail()).contains("No commercial reference is confirmed");

        UUID reference = submitted.references().getFirst().id();
        done(asComplianceOfficer(() -> kyc.recordReferenceCheck(new RecordReferenceCheck(
                carrier, reference, ReferenceStatus.CONFIRMED, "Confirmed by phone, 40 loads a month"))));
        CaseView verified = done(asComplianceOfficer(() -> kyc.approve(new ApproveCase(carrier, "All good"))));

        assertThat(verified.state()).isEqualTo(CaseState.VERIFIED);
        assertThat(events.stream(OrganizationVerified.class))
                .singleElement()
                .satisfies(e -> assertThat(e.organization()).isEqualTo(carrier));
        assertThat(kyc.isVerified(carrier)).isTrue();
        assertThat(kyc.vatStatus(carrier)).hasValueSatisfying(status -> {
            assertThat(status.viesValid()).isTrue();
            assertThat(status.memberState()).contains("DE");
        });
        assertThat(verified.history())
                .extracting(CaseView.HistoryView::action)
                .containsSubsequence(
                        "OPENED",
                        "DOCUMENT_UPLOADED",
                        "REFERENCE_ADDED",
                        "SUBMITTED",
                        "VAT_CHECKED",
                        "REFERENCE_CHECKED",
                        "APPROVED");
        assertThat(verified.history().getLast().actor()).isEqualTo("compliance-officer-1");
        assertThat(verified.representativeName()).contains("Erika Mustermann");
        Integer revisions = inSystemScope(() ->
                jdbc.queryForObject("SELECT count(*) FROM kyb_cases_aud WHERE id = ?", Integer.class, verified.id()));
        assertThat(revisions).isGreaterThanOrEqualTo(5);
        Integer auditedDocuments = inSystemScope(() -> jdbc.queryForObject(
                "SELECT count(*) FROM kyb_case_documents_aud WHERE case_id = ?", Integer.class, verified.id()));
        assertThat(auditedDocuments).isEqualTo(4);
    }

    @Test
    void aSanctionsHitSendsTheCaseToComplianceAndBlocksApprovalUntilDismissed() {
        TenantId carrier = TenantId.random();
        openCarrier(carrier, "Ostwind Logistik GmbH", "Wladimir I. Krasnow", Optional.empty());
        uploadCarrierDocuments(carrier, today().plusYears(1));
        addReference(carrier, "Hanse Retail AG");

        CaseView submitted = done(as(carrier, () -> kyc.submitCase(carrier)));

        assertThat(submitted.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(submitted.screening()).as("no tipping-off").isEmpty();
        assertThat(submitted.history())
                .noneMatch(h -> h.action().startsWith("SANCTIONS")
                        || h.detail().orElse("").contains("HIT"));
        var screening = kyc.caseForReview(carrier).orElseThrow().screening().orElseThrow();
        assertThat(screening.status()).isEqualTo(ScreeningStatus.HIT);
        assertThat(screening.matches()).anySatisfy(m -> assertThat(m)
                .contains("TST-001")
                .contains("REPRESENTATIVE")
                .doesNotContain("Wladimir I. Krasnow"));
        assertThat(events.stream(SanctionsHitFound.class))
                .anyMatch(e -> e.organization().equals(carrier));
        UUID reference = submitted.references().getFirst().id();
        done(asComplianceOfficer(() -> kyc.recordReferenceCheck(
                new RecordReferenceCheck(carrier, reference, ReferenceStatus.CONFIRMED, null))));

        CaseChange blocked = asComplianceOfficer(() -> kyc.approve(new ApproveCase(carrier, null)));
        assertThat(((CaseChange.Refused) blocked).detail()).contains("Sanctions screening is HIT");

        done(asComplianceOfficer(() -> kyc.dismissSanctionsHit(
                new DismissSanctionsHit(carrier, "Different person: born 1988 in Riga, listed party born 1961"))));
        CaseView verified = done(asComplianceOfficer(() -> kyc.approve(new ApproveCase(carrier, null))));
        assertThat(verified.state()).isEqualTo(CaseState.VERIFIED);
    }

    @Test
    void aNewListThatNamesAVerifiedCarrierRevokesItsVerification() {
        TenantId carrier = verifiedCarrierWithoutVat("Meridian Haulage GmbH", today().plusYears(1));

        var imported = asComplianceOfficer(() -> kyc.importSanctionsList(new ImportSanctionsList(
                "TEST-UPDATE", "reference,kind,name,aliases\nUPD-9,entity,Meridian Haulage,\n".getBytes())));

        assertThat(imported).isInstanceOfSatisfying(SanctionsImport.Imported.class, i -> assertThat(i.casesWithHits())
                .isGreaterThanOrEqualTo(1));
        assertThat(kyc.isVerified(carrier)).isFalse();
        assertThat(kyc.caseForReview(carrier)).hasValueSatisfying(view -> {
            assertThat(view.state()).isEqualTo(CaseState.IN_REVIEW);
            assertThat(view.screening().orElseThrow().status()).isEqualTo(ScreeningStatus.HIT);
        });
        assertThat(events.stream(VerificationRevoked.class))
                .anyMatch(e ->
                        e.organization().equals(carrier) && e.reason() == VerificationRevoked.Reason.SANCTIONS_HIT);
        asComplianceOfficer(() -> kyc.importSanctionsList(new ImportSanctionsList(
                "TEST-UPDATE", "reference,kind,name,aliases\nUPD-9,entity,Somebody Else Entirely,\n".getBytes())));
    }

    @Test
    void anExpiringInsuranceWarnsAndAnExpiredOneRevokesTheVerification() {
        TenantId carrier = verifiedCarrierWithoutVat("Talweg Transporte GmbH", today().plusDays(10));

        var first = monitor.sweep();
        assertThat(first.warned()).isGreaterThanOrEqualTo(1);
        assertThat(events.stream(VerificationDocumentExpiring.class))
                .anyMatch(e -> e.organization().equals(carrier) && e.kind() == DocumentKind.GOODS_IN_TRANSIT_INSURANCE);
        assertThat(kyc.isVerified(carrier)).isTrue();

        clock.advance(Duration.ofDays(11));
        monitor.sweep();

        assertThat(kyc.isVerified(carrier)).isFalse();
        assertThat(events.stream(VerificationRevoked.class))
                .anyMatch(e ->
                        e.organization().equals(carrier) && e.reason() == VerificationRevoked.Reason.DOCUMENT_EXPIRED);
        CaseView reverification = as(carrier, () -> kyc.findCase(carrier)).orElseThrow();
        assertThat(reverification.state()).isEqualTo(CaseState.REVERIFICATION);
        assertThat(reverification.missingDocuments()).containsExactly(DocumentKind.GOODS_IN_TRANSIT_INSURANCE);

        upload(
                carrier,
                DocumentKind.GOODS_IN_TRANSIT_INSURANCE,
                "renewed.pdf",
                Pdfs.plain(),
                Optional.of(today().plusYears(1)));
        assertThat(done(as(carrier, () -> kyc.submitCase(carrier))).state()).isEqualTo(CaseState.IN_REVIEW);
    }

    @Test
    void anotherTenantCannotSeeOrChangeTheCase() {
        TenantId carrier = TenantId.random();
        TenantId intruder = TenantId.random();
        CaseView view = openCarrier(carrier, "Privat Cargo GmbH", "Max Muster", Optional.empty());
        CaseView withDocument =
                upload(carrier, DocumentKind.COMPANY_REGISTER_EXTRACT, "register.pdf", Pdfs.plain(), Optional.empty());
        UUID document = withDocument.documents().getFirst().id();

        assertThat(as(intruder, () -> kyc.findCase(carrier))).isEmpty();
        assertThat(as(intruder, () -> kyc.readDocument(carrier, document))).isEmpty();
        assertThat(refusal(as(
                        intruder,
                        () -> kyc.addReference(new AddReference(carrier, "Evil Corp", "mallory", "none", null)))))
                .isEqualTo(CaseChange.Refusal.NO_CASE);
        assertThat(refusal(as(intruder, () -> kyc.submitCase(carrier)))).isEqualTo(CaseChange.Refusal.NO_CASE);
        Integer visible = as(
                intruder,
                () -> transactions.execute(status ->
                        jdbc.queryForObject("SELECT count(*) FROM kyb_cases WHERE id = ?", Integer.class, view.id())));
        assertThat(visible).isZero();

        assertThat(as(carrier, () -> kyc.readDocument(carrier, document)))
                .hasValueSatisfying(content -> assertThat(content.fileName()).isEqualTo("register.pdf"));
        assertThat(asComplianceOfficer(() -> kyc.readDocumentForReview(carrier, document)))
                .isPresent();
    }

    @Test
    void badInputIsRefusedWithNothingStored() {
        TenantId carrier = TenantId.random();
        assertThat(refusal(as(
                        carrier,
                        () -> kyc.openCase(new OpenCase(
                                carrier,
                                OrganizationKind.CARRIER,
                                "Tippfehler GmbH",
                                "DE",
                                Optional.of("DE136695977"),
                                "Max Muster")))))
                .isEqualTo(CaseChange.Refusal.INVALID_VAT_NUMBER);
        assertThat(refusal(as(
                        carrier,
                        () -> kyc.openCase(new OpenCase(
                                carrier,
                                OrganizationKind.CARRIER,
                                "Foreign Ltd",
                                "GB",
                                Optional.of("GB123456789"),
                                "Max Muster")))))
                .isEqualTo(CaseChange.Refusal.INVALID_VAT_NUMBER);
        assertThat(as(carrier, () -> kyc.findCase(carrier))).isEmpty();

        openCarrier(carrier, "Sorgfalt Spedition GmbH", "Max Muster", Optional.empty());
        byte[] oversized = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(Pdfs.plain(), 0, oversized, 0, 8);

        assertRefusedUpload(carrier, "register.pdf", oversized);
        assertRefusedUpload(carrier, "register.pdf", "just text, not a PDF".getBytes());
        assertRefusedUpload(carrier, "../../etc/passwd.pdf", Pdfs.plain());
        assertRefusedUpload(carrier, "C:\\windows\\register.pdf", Pdfs.plain());
        assertRefusedUpload(carrier, "script.pdf", Pdfs.withOpenActionJavaScript());
        assertRefusedUpload(carrier, "launch.pdf", Pdfs.withLaunchAction());
        assertRefusedUpload(carrier, "locked.pdf", Pdfs.encrypted());
        assertThat(refusal(as(
                        carrier,
                        () -> kyc.uploadDocument(new UploadDocument(
                                carrier,
                                DocumentKind.GOODS_IN_TRANSIT_INSURANCE,
                                "insurance.pdf",
                                Pdfs.plain(),
                                Optional.empty())))))
                .isEqualTo(CaseChange.Refusal.EXPIRY_DATE);
        assertThat(refusal(as(
                        carrier,
                        () -> kyc.uploadDocument(new UploadDocument(
                                carrier,
                                DocumentKind.GOODS_IN_TRANSIT_INSURANCE,
                                "insurance.pdf",
                                Pdfs.plain(),
                                Optional.of(today().minusDays(1)))))))
                .isEqualTo(CaseChange.Refusal.EXPIRY_DATE);
        assertThat(refusal(as(carrier, () -> kyc.submitCase(carrier)))).isEqualTo(CaseChange.Refusal.INCOMPLETE);

        assertThat(as(carrier, () -> kyc.findCase(carrier)).orElseThrow().documents())
                .isEmpty();
        Integer stored = as(
                carrier,
                () -> transactions.execute(
                        status -> jdbc.queryForObject("SELECT count(*) FROM documents", Integer.class)));
        assertThat(stored).isZero();
    }

    @Test
    void aShipperNeedsOnlyItsRegisterExtractAndRepresentativeId() {
        TenantId shipper = TenantId.random();
        done(as(
                shipper,
                () -> kyc.openCase(new OpenCase(
                        shipper,
                        OrganizationKind.SHIPPER,
                        "Hanse Retail AG",
                        "DE",
                        Optional.empty(),
                        "Anna Schmidt"))));

        assertThat(refusal(as(
                        shipper,
                        () -> kyc.uploadDocument(new UploadDocument(
                                shipper,
                                DocumentKind.TRANSPORT_LICENCE,
                                "licence.pdf",
                                Pdfs.plain(),
                                Optional.empty())))))
                .isEqualTo(CaseChange.Refusal.DOCUMENT_NOT_ALLOWED);
        upload(shipper, DocumentKind.COMPANY_REGISTER_EXTRACT, "register.pdf", Pdfs.plain(), Optional.empty());
        upload(shipper, DocumentKind.REPRESENTATIVE_ID, "id.png", png(), Optional.empty());

        CaseView submitted = done(as(shipper, () -> kyc.submitCase(shipper)));
        assertThat(submitted.state()).isEqualTo(CaseState.IN_REVIEW);
        CaseView verified = done(asComplianceOfficer(() -> kyc.approve(new ApproveCase(shipper, null))));
        assertThat(verified.state()).isEqualTo(CaseState.VERIFIED);
    }

    private void assertRefusedUpload(TenantId carrier, String name, byte[] content) {
        CaseChange change = as(
                carrier,
                () -> kyc.uploadDocument(new UploadDocument(
                        carrier, DocumentKind.COMPANY_REGISTER_EXTRACT, name, content, Optional.empty())));
        assertThat(refusal(change)).as(name).isEqualTo(CaseChange.Refusal.DOCUMENT_REFUSED);
    }

    private TenantId verifiedCarrierWithoutVat(String name, LocalDate insuranceExpiry) {
        TenantId carrier = TenantId.random();
        openCarrier(carrier, name, "Representative of " + name, Optional.empty());
        uploadCarrierDocuments(carrier, insuranceExpiry);
        UUID reference =
                addReference(carrier, "Hanse Retail AG").references().getFirst().id();
        done(as(carrier, () -> kyc.submitCase(carrier)));
        done(asComplianceOfficer(() -> kyc.recordReferenceCheck(
                new RecordReferenceCheck(carrier, reference, ReferenceStatus.CONFIRMED, null))));
        done(asComplianceOfficer(() -> kyc.approve(new ApproveCase(carrier, null))));
        return carrier;
    }
}
