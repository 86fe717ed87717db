package io.freightgate.kyc.internal.domain.kyb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.CaseChange.Refusal;
import io.freightgate.kyc.CaseState;
import io.freightgate.kyc.DocumentKind;
import io.freightgate.kyc.OrganizationKind;
import io.freightgate.kyc.ReferenceStatus;
import io.freightgate.kyc.ScreeningStatus;
import io.freightgate.kyc.VatStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KybCaseTests {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    static final byte[] ENCRYPTED = {1, 2, 3};

    @Test
    void opensCollectingWithTheVatNumberNotCheckedYet() {
        KybCase kybCase = carrier(Optional.of(new VatNumber("DE", "136695976")));

        assertThat(kybCase.state()).isEqualTo(CaseState.COLLECTING);
        assertThat(kybCase.vatStatus()).isEqualTo(VatStatus.NOT_CHECKED);
        assertThat(kybCase.screening()).isEqualTo(ScreeningStatus.NOT_SCREENED);
        assertThat(kybCase.history()).extracting(CaseHistoryEntry::action).containsExactly("OPENED");
        assertThat(carrier(Optional.empty()).vatStatus()).isEqualTo(VatStatus.NOT_PROVIDED);
    }

    @Test
    void aCarrierMustProvideFourDocumentsAndAShipperTwo() {
        assertThat(RequiredDocuments.of(OrganizationKind.CARRIER)).containsExactlyInAnyOrder(DocumentKind.values());
        assertThat(RequiredDocuments.of(OrganizationKind.SHIPPER))
                .containsExactlyInAnyOrder(DocumentKind.COMPANY_REGISTER_EXTRACT, DocumentKind.REPRESENTATIVE_ID);
    }

    @Test
    void refusesADocumentTheOrganizationKindDoesNotProvide() {
        KybCase shipper = KybCase.open(
                TenantId.random(),
                OrganizationKind.SHIPPER,
                "Hanse Retail AG",
                "DE",
                ENCRYPTED,
                Optional.empty(),
                "user",
                NOW);

        assertThat(shipper.canAttach(DocumentKind.GOODS_IN_TRANSIT_INSURANCE, Optional.of(TODAY.plusDays(9)), TODAY))
                .isEqualTo(new Outcome.Rejected(
                        Refusal.DOCUMENT_NOT_ALLOWED, "A SHIPPER does not provide a GOODS_IN_TRANSIT_INSURANCE."));
    }

    @Test
    void insuranceNeedsAnExpiryDateInTheFuture() {
        KybCase kybCase = carrier(Optional.empty());

        assertThat(refusal(kybCase.canAttach(DocumentKind.GOODS_IN_TRANSIT_INSURANCE, Optional.empty(), TODAY)))
                .isEqualTo(Refusal.EXPIRY_DATE);
        assertThat(refusal(kybCase.canAttach(DocumentKind.GOODS_IN_TRANSIT_INSURANCE, Optional.of(TODAY), TODAY)))
                .isEqualTo(Refusal.EXPIRY_DATE);
        assertThat(kybCase.canAttach(DocumentKind.GOODS_IN_TRANSIT_INSURANCE, Optional.of(TODAY.plusDays(1)), TODAY))
                .isEqualTo(Outcome.APPLIED);
        assertThat(kybCase.canAttach(DocumentKind.TRANSPORT_LICENCE, Optional.empty(), TODAY))
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void aNewUploadSupersedesThePreviousDocumentOfItsKind() {
        KybCase kybCase = carrier(Optional.empty());
        attach(kybCase, DocumentKind.COMPANY_REGISTER_EXTRACT, null);
        attach(kybCase, DocumentKind.COMPANY_REGISTER_EXTRACT, null);

        assertThat(kybCase.documents())
                .extracting(CaseDocument::status)
                .containsExactly(CaseDocument.Status.SUPERSEDED, CaseDocument.Status.CURRENT);
    }

    @Test
    void submissionNeedsEveryDocumentAndACarrierReference() {
        KybCase kybCase = carrier(Optional.empty());
        assertThat(kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
                    assertThat(r.refusal()).isEqualTo(Refusal.INCOMPLETE);
                    assertThat(r.detail()).contains("GOODS_IN_TRANSIT_INSURANCE");
                });

        attachAll(kybCase, TODAY.plusYears(1));
        assertThat(kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW))
                .isEqualTo(Outcome.rejected(Refusal.INCOMPLETE, "A carrier gives at least one commercial reference."));

        kybCase.addReference("Hanse Retail AG", ENCRYPTED, "shipper", null, "user", NOW);
        assertThat(kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW))
                .isEqualTo(Outcome.APPLIED);
        assertThat(kybCase.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(kybCase.screening()).isEqualTo(ScreeningStatus.CLEAR);
    }

    @Test
    void anExpiredInsuranceCountsAsMissing() {
        KybCase kybCase = carrier(Optional.empty());
        attachAll(kybCase, TODAY.plusDays(5));

        assertThat(kybCase.missingDocuments(TODAY.plusDays(5)))
                .containsExactly(DocumentKind.GOODS_IN_TRANSIT_INSURANCE);
        assertThat(kybCase.missingDocuments(TODAY.plusDays(4))).isEmpty();
    }

    @Test
    void documentsAndReferencesAreFrozenWhileInReview() {
        KybCase kybCase = inReview(Optional.empty());

        assertThat(refusal(kybCase.canAttach(DocumentKind.COMPANY_REGISTER_EXTRACT, Optional.empty(), TODAY)))
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal(kybCase.addReference("X", ENCRYPTED, "y", null, "user", NOW)))
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(refusal(kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW)))
                .isEqualTo(Refusal.WRONG_STATE);
    }

    @Test
    void approvalNeedsAConfirmedReferenceAClearScreeningAndAValidVatNumber() {
        KybCase kybCase = inReview(Optional.of(new VatNumber("DE", "136695976")));

        assertThat(kybCase.approvalBlockers(TODAY))
                .containsExactly(
                        "VIES has not confirmed the VAT number (NOT_CHECKED).",
                        "No commercial reference is confirmed.");

        confirmReference(kybCase);
        kybCase.recordVat(VatStatus.VALID, Optional.of(UUID.randomUUID()), false, Optional.empty(), "job", NOW);
        assertThat(kybCase.approvalBlockers(TODAY)).isEmpty();
        assertThat(kybCase.approve("ok", TODAY, "officer", NOW)).isEqualTo(Outcome.APPLIED);
        assertThat(kybCase.state()).isEqualTo(CaseState.VERIFIED);
        assertThat(kybCase.verifiedAt()).contains(NOW);
        assertThat(kybCase.history().getLast().actor()).isEqualTo("officer");
    }

    @Test
    void aSanctionsHitBlocksApprovalUntilDismissed() {
        KybCase kybCase = carrier(Optional.empty());
        attachAll(kybCase, TODAY.plusYears(1));
        kybCase.addReference("Hanse Retail AG", ENCRYPTED, "shipper", null, "user", NOW);
        kybCase.submit(
                KybCase.Screening.hit(List.of("KRASNOV [TEST TST-001] (REPRESENTATIVE, 0.95)")), TODAY, "u", NOW);
        confirmReference(kybCase);

        assertThat(refusal(kybCase.approve(null, TODAY, "officer", NOW))).isEqualTo(Refusal.APPROVAL_BLOCKED);
        assertThat(kybCase.dismissSanctionsHit("born 1988, listed 1961", "officer", NOW))
                .isEqualTo(Outcome.APPLIED);
        assertThat(kybCase.screening()).isEqualTo(ScreeningStatus.HIT_DISMISSED);
        assertThat(kybCase.approve(null, TODAY, "officer", NOW)).isEqualTo(Outcome.APPLIED);
        assertThat(refusal(kybCase.dismissSanctionsHit("again", "officer", NOW)))
                .isEqualTo(Refusal.NO_SANCTIONS_HIT);
    }

    @Test
    void screeningUnavailableBlocksApprovalUntilAListClearsIt() {
        KybCase kybCase = carrier(Optional.empty());
        attachAll(kybCase, TODAY.plusYears(1));
        kybCase.addReference("Hanse Retail AG", ENCRYPTED, "shipper", null, "user", NOW);
        kybCase.submit(KybCase.Screening.unavailable(), TODAY, "u", NOW);
        confirmReference(kybCase);

        assertThat(kybCase.approvalBlockers(TODAY)).containsExactly("Sanctions screening is UNAVAILABLE.");
        kybCase.rescreen(KybCase.Screening.clear(), "job", NOW);
        assertThat(kybCase.approvalBlockers(TODAY)).isEmpty();
    }

    @Test
    void aHitOnReScreeningSendsAVerifiedCaseBackToReviewButADismissedHitStaysDismissed() {
        KybCase kybCase = verified();
        var hit = KybCase.Screening.hit(List.of("Meridian Haulage [TEST UPD-9] (ORGANIZATION, 1.00)"));

        assertThat(kybCase.rescreen(hit, "job", NOW)).isTrue();
        assertThat(kybCase.state()).isEqualTo(CaseState.IN_REVIEW);

        kybCase.dismissSanctionsHit("not them", "officer", NOW);
        assertThat(kybCase.rescreen(hit, "job", NOW)).isFalse();
        assertThat(kybCase.screening()).isEqualTo(ScreeningStatus.HIT_DISMISSED);
    }

    @Test
    void complianceCanRejectOrAskForResubmissionOnlyInReview() {
        KybCase rejected = inReview(Optional.empty());
        assertThat(rejected.reject("forged register extract", "officer", NOW)).isEqualTo(Outcome.APPLIED);
        assertThat(rejected.state()).isEqualTo(CaseState.REJECTED);
        assertThat(rejected.stateReason()).contains("forged register extract");
        assertThat(refusal(rejected.requestResubmission("x", "officer", NOW))).isEqualTo(Refusal.WRONG_STATE);

        KybCase resubmit = inReview(Optional.empty());
        assertThat(resubmit.requestResubmission("licence scan unreadable", "officer", NOW))
                .isEqualTo(Outcome.APPLIED);
        assertThat(resubmit.state()).isEqualTo(CaseState.RESUBMISSION_REQUESTED);
        assertThat(resubmit.canAttach(DocumentKind.TRANSPORT_LICENCE, Optional.empty(), TODAY))
                .isEqualTo(Outcome.APPLIED);
        attach(resubmit, DocumentKind.TRANSPORT_LICENCE, null);
        assertThat(resubmit.submit(KybCase.Screening.clear(), TODAY, "user", NOW))
                .isEqualTo(Outcome.APPLIED);
    }

    @Test
    void anExpiredInsuranceMovesAVerifiedCaseToReverification() {
        KybCase kybCase = verified();
        LocalDate expiry = kybCase.currentDocument(DocumentKind.GOODS_IN_TRANSIT_INSURANCE)
                .flatMap(CaseDocument::expiresOn)
                .orElseThrow();

        assertThat(refusal(kybCase.revokeForExpiry(expiry.minusDays(1), "job", NOW)))
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(kybCase.revokeForExpiry(expiry, "job", NOW)).isEqualTo(Outcome.APPLIED);
        assertThat(kybCase.state()).isEqualTo(CaseState.REVERIFICATION);
        assertThat(kybCase.stateReason()).hasValueSatisfying(r -> assertThat(r).contains("GOODS_IN_TRANSIT_INSURANCE"));
        assertThat(kybCase.history().getLast().action()).isEqualTo("DOCUMENT_EXPIRED");
    }

    @Test
    void warnsOnceAboutAnInsuranceThatExpiresSoon() {
        KybCase kybCase = verified();
        LocalDate expiry = kybCase.currentDocument(DocumentKind.GOODS_IN_TRANSIT_INSURANCE)
                .flatMap(CaseDocument::expiresOn)
                .orElseThrow();

        assertThat(kybCase.takeDocumentsToWarn(expiry.minusDays(31), Period.ofDays(30), NOW))
                .isEmpty();
        assertThat(kybCase.takeDocumentsToWarn(expiry.minusDays(30), Period.ofDays(30), NOW))
                .extracting(CaseDocument::kind)
                .containsExactly(DocumentKind.GOODS_IN_TRANSIT_INSURANCE);
        assertThat(kybCase.takeDocumentsToWarn(expiry.minusDays(29), Period.ofDays(30), NOW))
                .isEmpty();
    }

    @Test
    void viesInvalidOnReValidationSendsAVerifiedCaseBackToReview() {
        KybCase kybCase = inReview(Optional.of(new VatNumber("DE", "136695976")));
        confirmReference(kybCase);
        kybCase.recordVat(VatStatus.VALID, Optional.of(UUID.randomUUID()), false, Optional.empty(), "job", NOW);
        kybCase.approve(null, TODAY, "officer", NOW);

        var unknown = kybCase.recordVat(VatStatus.UNKNOWN, Optional.empty(), false, Optional.of(NOW), "job", NOW);
        assertThat(unknown.current()).isEqualTo(VatStatus.VALID);
        assertThat(unknown.changed()).isFalse();
        assertThat(kybCase.vatAttempts()).isEqualTo(1);

        var invalid = kybCase.recordVat(
                VatStatus.INVALID, Optional.of(UUID.randomUUID()), false, Optional.empty(), "job", NOW);
        assertThat(invalid.verificationRevoked()).isTrue();
        assertThat(kybCase.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(kybCase.vatAttempts()).isZero();
    }

    @Test
    void aVatOutcomeIsValidInvalidOrUnknown() {
        KybCase withVat = carrier(Optional.of(new VatNumber("DE", "136695976")));
        assertThatThrownBy(() ->
                        withVat.recordVat(VatStatus.NOT_CHECKED, Optional.empty(), false, Optional.empty(), "job", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        KybCase withoutVat = carrier(Optional.empty());
        assertThatThrownBy(() ->
                        withoutVat.recordVat(VatStatus.VALID, Optional.empty(), false, Optional.empty(), "job", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void atMostTenReferences() {
        KybCase kybCase = carrier(Optional.empty());
        for (int i = 0; i < KybCase.MAX_REFERENCES; i++) {
            assertThat(kybCase.addReference("Company " + i, ENCRYPTED, "r", null, "user", NOW))
                    .isEqualTo(Outcome.APPLIED);
        }
        assertThat(refusal(kybCase.addReference("One more", ENCRYPTED, "r", null, "user", NOW)))
                .isEqualTo(Refusal.TOO_MANY_REFERENCES);
    }

    @Test
    void aReferenceCheckNamesAnExistingReference() {
        KybCase kybCase = carrier(Optional.empty());
        assertThat(refusal(kybCase.recordReferenceCheck(UUID.randomUUID(), ReferenceStatus.CONFIRMED, null, "o", NOW)))
                .isEqualTo(Refusal.NO_SUCH_REFERENCE);
    }

    static KybCase carrier(Optional<VatNumber> vat) {
        return KybCase.open(
                TenantId.random(),
                OrganizationKind.CARRIER,
                "Nordlicht Spedition GmbH",
                "DE",
                ENCRYPTED,
                vat,
                "user",
                NOW);
    }

    static KybCase inReview(Optional<VatNumber> vat) {
        KybCase kybCase = carrier(vat);
        attachAll(kybCase, TODAY.plusYears(1));
        kybCase.addReference("Hanse Retail AG", ENCRYPTED, "shipper", null, "user", NOW);
        assertThat(kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW))
                .isEqualTo(Outcome.APPLIED);
        return kybCase;
    }

    static KybCase verified() {
        KybCase kybCase = inReview(Optional.empty());
        confirmReference(kybCase);
        assertThat(kybCase.approve(null, TODAY, "officer", NOW)).isEqualTo(Outcome.APPLIED);
        return kybCase;
    }

    static void confirmReference(KybCase kybCase) {
        UUID reference = kybCase.references().getFirst().id();
        assertThat(kybCase.recordReferenceCheck(reference, ReferenceStatus.CONFIRMED, "ok", "officer", NOW))
                .isEqualTo(Outcome.APPLIED);
    }

    static void attachAll(KybCase kybCase, LocalDate insuranceExpiry) {
        attach(kybCase, DocumentKind.COMPANY_REGISTER_EXTRACT, null);
        attach(kybCase, DocumentKind.TRANSPORT_LICENCE, null);
        attach(kybCase, DocumentKind.GOODS_IN_TRANSIT_INSURANCE, insuranceExpiry);
        attach(kybCase, DocumentKind.REPRESENTATIVE_ID, null);
    }

    static void attach(KybCase kybCase, DocumentKind kind, LocalDate expiresOn) {
        var file = new CaseDocument.StoredFile(UUID.randomUUID(), "application/pdf", 1234, new byte[32]);
        assertThat(kybCase.attach(kind, file, Optional.ofNullable(expiresOn), TODAY, "user", NOW))
                .isEqualTo(Outcome.APPLIED);
    }

    static Refusal refusal(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) outcome).refusal();
    }
}
