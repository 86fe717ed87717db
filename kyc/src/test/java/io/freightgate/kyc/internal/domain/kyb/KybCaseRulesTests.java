package io.freightgate.kyc.internal.domain.kyb;

import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.ENCRYPTED;
import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.NOW;
import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.TODAY;
import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.attach;
import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.attachAll;
import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.carrier;
import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.refusal;
import static io.freightgate.kyc.internal.domain.kyb.KybCaseTests.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.freightgate.kyc.CaseChange.Refusal;
import io.freightgate.kyc.CaseState;
import io.freightgate.kyc.DocumentKind;
import io.freightgate.kyc.ReferenceStatus;
import io.freightgate.kyc.ScreeningStatus;
import io.freightgate.kyc.VatStatus;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules of a KYB case that no other test pinned down (issue 16, item 15), and what the organization may read. */
class KybCaseRulesTests {

    static final KybCase.Screening HIT_A =
            KybCase.Screening.hit(List.of("Meridian Haulage [TEST UPD-9] (ORGANIZATION, 1.00)"));
    static final KybCase.Screening HIT_B =
            KybCase.Screening.hit(List.of("Anna Listed [TEST UPD-10] (REPRESENTATIVE, 0.97)"));

    @Test
    void aNewDifferentHitAfterADismissalReopensReviewAndRevokesTheVerification() {
        KybCase kybCase = verified();
        assertThat(kybCase.rescreen(HIT_A, "job", NOW)).isTrue();
        kybCase.dismissSanctionsHit("not them", "officer", NOW);
        assertThat(kybCase.approve(null, TODAY, "officer", NOW)).isEqualTo(Outcome.APPLIED);
        assertThat(kybCase.rescreen(HIT_A, "job", NOW))
                .as("the same hit stays dismissed")
                .isFalse();
        assertThat(kybCase.state()).isEqualTo(CaseState.VERIFIED);

        boolean revoked = kybCase.rescreen(HIT_B, "job", NOW);

        assertThat(revoked).isTrue();
        assertThat(kybCase.isVerified()).isFalse();
        assertThat(kybCase.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(kybCase.screening()).isEqualTo(ScreeningStatus.HIT);
        assertThat(kybCase.screeningMatches()).containsExactly("Anna Listed [TEST UPD-10] (REPRESENTATIVE, 0.97)");
        assertThat(refusal(kybCase.approve(null, TODAY, "officer", NOW))).isEqualTo(Refusal.APPROVAL_BLOCKED);
    }

    @Test
    void aHitOnACaseInReviewIsRecordedWithoutRevokingAnything() {
        KybCase kybCase = KybCaseTests.inReview(Optional.empty());

        assertThat(kybCase.rescreen(HIT_A, "job", NOW)).isFalse();

        assertThat(kybCase.screening()).isEqualTo(ScreeningStatus.HIT);
        assertThat(kybCase.state()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(kybCase.history().getLast().action()).isEqualTo("SANCTIONS_SCREENED");
        assertThat(kybCase.history().getLast().detail()).contains("HIT");
    }

    @Test
    void aRejectedOrUnscreenedCaseIsNotScreenedAgain() {
        KybCase unscreened = carrier(Optional.empty());
        KybCase rejected = KybCaseTests.inReview(Optional.empty());
        rejected.reject("forged", "officer", NOW);

        assertThat(unscreened.rescreen(HIT_A, "job", NOW)).isFalse();
        assertThat(rejected.rescreen(HIT_A, "job", NOW)).isFalse();

        assertThat(unscreened.screening()).isEqualTo(ScreeningStatus.NOT_SCREENED);
        assertThat(rejected.screening()).isEqualTo(ScreeningStatus.CLEAR);
    }

    @Test
    void supersededDocumentsAreIgnoredByCurrentDocumentAndTheExpiryMonitor() {
        KybCase kybCase = carrier(Optional.empty());
        attachAll(kybCase, TODAY.plusDays(10));
        attach(kybCase, DocumentKind.GOODS_IN_TRANSIT_INSURANCE, TODAY.plusYears(1));
        kybCase.addReference("Hanse Retail AG", ENCRYPTED, "shipper", null, "user", NOW);
        kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW);
        KybCaseTests.confirmReference(kybCase);
        assertThat(kybCase.approve(null, TODAY, "officer", NOW)).isEqualTo(Outcome.APPLIED);

        assertThat(kybCase.currentDocument(DocumentKind.GOODS_IN_TRANSIT_INSURANCE))
                .hasValueSatisfying(d -> assertThat(d.expiresOn()).contains(TODAY.plusYears(1)));
        assertThat(kybCase.takeDocumentsToWarn(TODAY, Period.ofDays(30), NOW))
                .as("the superseded insurance expiring in 10 days is not warned about")
                .isEmpty();
        assertThat(kybCase.expiredMonitoredDocuments(TODAY.plusDays(20))).isEmpty();
        assertThat(kybCase.missingDocuments(TODAY.plusDays(20))).isEmpty();
        assertThat(refusal(kybCase.revokeForExpiry(TODAY.plusDays(20), "monitor", NOW)))
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(kybCase.isVerified()).isTrue();
        assertThat(kybCase.revokeForExpiry(TODAY.plusYears(1), "monitor", NOW)).isEqualTo(Outcome.APPLIED);
    }

    @Test
    void onlyTheInsuranceAndTheLicenceAreMonitoredForExpiry() {
        KybCase kybCase = carrier(Optional.empty());
        attach(kybCase, DocumentKind.COMPANY_REGISTER_EXTRACT, null);
        attach(kybCase, DocumentKind.TRANSPORT_LICENCE, null);
        attach(kybCase, DocumentKind.GOODS_IN_TRANSIT_INSURANCE, TODAY.plusYears(1));
        attach(kybCase, DocumentKind.REPRESENTATIVE_ID, TODAY.plusDays(10));
        kybCase.addReference("Hanse Retail AG", ENCRYPTED, "shipper", null, "user", NOW);
        kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW);
        KybCaseTests.confirmReference(kybCase);
        assertThat(kybCase.approve(null, TODAY, "officer", NOW)).isEqualTo(Outcome.APPLIED);

        assertThat(kybCase.takeDocumentsToWarn(TODAY, Period.ofDays(30), NOW)).isEmpty();
        assertThat(kybCase.expiredMonitoredDocuments(TODAY.plusDays(20))).isEmpty();
        assertThat(refusal(kybCase.revokeForExpiry(TODAY.plusDays(20), "monitor", NOW)))
                .isEqualTo(Refusal.WRONG_STATE);
        assertThat(kybCase.missingDocuments(TODAY.plusDays(20)))
                .as("an expired identity card is still missing at the next submission")
                .containsExactly(DocumentKind.REPRESENTATIVE_ID);
    }

    @Test
    void aReferenceCheckWithSeveralReferencesRecordsOnTheRightOne() {
        KybCase kybCase = carrier(Optional.empty());
        kybCase.addReference("First Cargo", ENCRYPTED, "customer", null, "user", NOW);
        kybCase.addReference("Second Cargo", ENCRYPTED, "customer", null, "user", NOW);
        kybCase.addReference("Third Cargo", ENCRYPTED, "customer", null, "user", NOW);
        UUID second = kybCase.references().get(1).id();

        assertThat(kybCase.recordReferenceCheck(second, ReferenceStatus.NOT_CONFIRMED, "no answer", "officer", NOW))
                .isEqualTo(Outcome.APPLIED);

        assertThat(kybCase.references())
                .extracting(CommercialReference::company, CommercialReference::status)
                .containsExactly(
                        tuple("First Cargo", ReferenceStatus.UNVERIFIED),
                        tuple("Second Cargo", ReferenceStatus.NOT_CONFIRMED),
                        tuple("Third Cargo", ReferenceStatus.UNVERIFIED));
        assertThat(kybCase.references().get(1).notes()).contains("no answer");
        assertThat(kybCase.references().get(1).checkedBy()).contains("officer");
        assertThat(kybCase.references().get(0).checkedAt()).isEmpty();
        assertThat(kybCase.history().getLast().detail()).contains("Second Cargo: NOT_CONFIRMED");
    }

    @Test
    void everyStepLeavesItsHistoryEntry() {
        KybCase kybCase = carrier(Optional.of(new VatNumber("DE", "136695976")));
        attachAll(kybCase, TODAY.plusDays(40));
        kybCase.addReference("Hanse Retail AG", ENCRYPTED, "shipper", null, "user", NOW);
        kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW);
        kybCase.requestResubmission("licence unreadable", "officer", NOW);
        kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW);
        kybCase.recordVat(VatStatus.VALID, Optional.of(UUID.randomUUID()), false, Optional.empty(), "vies", NOW);
        KybCaseTests.confirmReference(kybCase);
        kybCase.approve("all good", TODAY, "officer", NOW);
        kybCase.rescreen(HIT_A, "import", NOW);
        kybCase.dismissSanctionsHit("not them", "officer", NOW);
        kybCase.approve(null, TODAY, "officer", NOW);
        kybCase.recordVat(VatStatus.INVALID, Optional.of(UUID.randomUUID()), false, Optional.empty(), "vies", NOW);
        kybCase.recordVat(VatStatus.VALID, Optional.of(UUID.randomUUID()), false, Optional.empty(), "vies", NOW);
        kybCase.approve(null, TODAY, "officer", NOW);
        kybCase.revokeForExpiry(TODAY.plusDays(41), "monitor", NOW);
        kybCase.submit(KybCase.Screening.clear(), TODAY, "user", NOW);
        kybCase.rescreen(KybCase.Screening.unavailable(), "import", NOW);
        kybCase.reject("forged register extract", "officer", NOW);

        assertThat(kybCase.history())
                .extracting(
                        CaseHistoryEntry::action,
                        e -> e.fromState().orElse(null),
                        CaseHistoryEntry::toState,
                        CaseHistoryEntry::actor,
                        e -> e.detail().orElse(null))
                .containsExactly(
                        tuple("OPENED", null, CaseState.COLLECTING, "user", null),
                        tuple(
                                "DOCUMENT_UPLOADED",
                                CaseState.COLLECTING,
                                CaseState.COLLECTING,
                                "user",
                                "COMPANY_REGISTER_EXTRACT"),
                        tuple(
                                "DOCUMENT_UPLOADED",
                                CaseState.COLLECTING,
                                CaseState.COLLECTING,
                                "user",
                                "TRANSPORT_LICENCE"),
                        tuple(
                                "DOCUMENT_UPLOADED",
                                CaseState.COLLECTING,
                                CaseState.COLLECTING,
                                "user",
                                "GOODS_IN_TRANSIT_INSURANCE, expires " + TODAY.plusDays(40)),
                        tuple(
                                "DOCUMENT_UPLOADED",
                                CaseState.COLLECTING,
                                CaseState.COLLECTING,
                                "user",
                                "REPRESENTATIVE_ID"),
                        tuple("REFERENCE_ADDED", CaseState.COLLECTING, CaseState.COLLECTING, "user", "Hanse Retail AG"),
                        tuple("SUBMITTED", CaseState.COLLECTING, CaseState.IN_REVIEW, "user", "screening CLEAR"),
                        tuple(
                                "RESUBMISSION_REQUESTED",
                                CaseState.IN_REVIEW,
                                CaseState.RESUBMISSION_REQUESTED,
                                "officer",
                                "licence unreadable"),
                        tuple(
                                "SUBMITTED",
                                CaseState.RESUBMISSION_REQUESTED,
                                CaseState.IN_REVIEW,
                                "user",
                                "screening CLEAR"),
                        tuple("VAT_CHECKED", CaseState.IN_REVIEW, CaseState.IN_REVIEW, "vies", "NOT_CHECKED -> VALID"),
                        tuple(
                                "REFERENCE_CHECKED",
                                CaseState.IN_REVIEW,
                                CaseState.IN_REVIEW,
                                "officer",
                                "Hanse Retail AG: CONFIRMED"),
                        tuple("APPROVED", CaseState.IN_REVIEW, CaseState.VERIFIED, "officer", "all good"),
                        tuple(
                                "SANCTIONS_HIT",
                                CaseState.VERIFIED,
                                CaseState.IN_REVIEW,
                                "import",
                                "Meridian Haulage [TEST UPD-9] (ORGANIZATION, 1.00)"),
                        tuple(
                                "SANCTIONS_HIT_DISMISSED",
                                CaseState.IN_REVIEW,
                                CaseState.IN_REVIEW,
                                "officer",
                                "not them"),
                        tuple("APPROVED", CaseState.IN_REVIEW, CaseState.VERIFIED, "officer", null),
                        tuple(
                                "VAT_INVALID",
                                CaseState.VERIFIED,
                                CaseState.IN_REVIEW,
                                "vies",
                                "VIES answers valid=false for DE136695976"),
                        tuple("VAT_CHECKED", CaseState.IN_REVIEW, CaseState.IN_REVIEW, "vies", "INVALID -> VALID"),
                        tuple("APPROVED", CaseState.IN_REVIEW, CaseState.VERIFIED, "officer", null),
                        tuple(
                                "DOCUMENT_EXPIRED",
                                CaseState.VERIFIED,
                                CaseState.REVERIFICATION,
                                "monitor",
                                "GOODS_IN_TRANSIT_INSURANCE expired on " + TODAY.plusDays(40)),
                        tuple("SUBMITTED", CaseState.REVERIFICATION, CaseState.IN_REVIEW, "user", "screening CLEAR"),
                        tuple("SANCTIONS_SCREENED", CaseState.IN_REVIEW, CaseState.IN_REVIEW, "import", "UNAVAILABLE"),
                        tuple(
                                "REJECTED",
                                CaseState.IN_REVIEW,
                                CaseState.REJECTED,
                                "officer",
                                "forged register extract"));
    }

    @Test
    void theOrganizationReadsNothingOfTheSanctionsScreening() {
        KybCase kybCase = verified();
        kybCase.rescreen(HIT_A, "import", NOW);
        kybCase.dismissSanctionsHit("not them", "officer", NOW);
        kybCase.rescreen(KybCase.Screening.unavailable(), "import", NOW);

        List<CaseHistoryEntry> shown = kybCase.history().stream()
                .flatMap(e -> e.forOrganization().stream())
                .toList();

        assertThat(kybCase.stateReason()).hasValueSatisfying(r -> assertThat(r).contains("UPD-9"));
        assertThat(kybCase.stateReasonForOrganization()).contains("Under compliance review.");
        assertThat(shown)
                .extracting(CaseHistoryEntry::action)
                .doesNotContain("SANCTIONS_HIT", "SANCTIONS_HIT_DISMISSED", "SANCTIONS_SCREENED")
                .contains("REVIEW_REOPENED", "SUBMITTED", "APPROVED");
        assertThat(shown)
                .filteredOn(
                        e -> e.action().equals("REVIEW_REOPENED") || e.action().equals("SUBMITTED"))
                .allSatisfy(e -> assertThat(e.detail()).isEmpty());
        assertThat(shown)
                .filteredOn(e -> e.action().equals("REVIEW_REOPENED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.fromState()).contains(CaseState.VERIFIED);
                    assertThat(e.toState()).isEqualTo(CaseState.IN_REVIEW);
                });
    }

    @Test
    void aReasonThatIsNotAboutSanctionsIsShownToTheOrganizationAsItIs() {
        KybCase kybCase = KybCaseTests.inReview(Optional.empty());
        kybCase.requestResubmission("licence unreadable", "officer", NOW);

        assertThat(kybCase.stateReasonForOrganization()).contains("licence unreadable");
        assertThat(carrier(Optional.empty()).stateReasonForOrganization()).isEmpty();
    }
}
