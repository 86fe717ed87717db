package io.freightgate.disputes.internal.domain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.disputes.DisputeReason;
import io.freightgate.disputes.internal.domain.evidence.AvailableEvidence.CommunicationLog;
import io.freightgate.disputes.internal.domain.evidence.AvailableEvidence.Payment;
import io.freightgate.disputes.internal.domain.evidence.AvailableEvidence.Pod;
import io.freightgate.disputes.internal.domain.evidence.AvailableEvidence.Telematics;
import io.freightgate.disputes.internal.domain.evidence.EvidenceChecklist.Finding;
import io.freightgate.disputes.internal.domain.evidence.EvidenceChecklist.Line;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The checklist: what a case has, exhibit by exhibit, present, weak or missing, and why. */
class EvidenceChecklistTests {

    static final Pod GOOD_POD =
            new Pod(true, Optional.of("J. Meyer"), OptionalDouble.of(40), Optional.of(Duration.ofMinutes(3)));

    static AvailableEvidence everything() {
        return new AvailableEvidence(
                Optional.of(GOOD_POD),
                Telematics.ARRIVED_IN_GEOFENCE,
                CommunicationLog.CHAIN_VERIFIED,
                true,
                true,
                true,
                true,
                true,
                Optional.of(new Payment(true, true, true, true)),
                true,
                2,
                true,
                Optional.of(Duration.ZERO));
    }

    static AvailableEvidence withPod(Pod pod) {
        var a = everything();
        return new AvailableEvidence(
                Optional.of(pod),
                a.telematics(),
                a.communicationLog(),
                a.rateConfirmation(),
                a.loadDocuments(),
                a.invoice(),
                a.refundTerms(),
                a.cancellationTerms(),
                a.payment(),
                a.payerDetails(),
                a.priorUndisputedPayments(),
                a.otherCharge(),
                a.deliveryDelay());
    }

    static Line line(List<Line> lines, Exhibit exhibit) {
        return lines.stream().filter(l -> l.exhibit() == exhibit).findFirst().orElseThrow();
    }

    static List<Line> check(DisputeReason reason, ServiceType service, AvailableEvidence available) {
        return EvidenceChecklist.check(EvidencePlans.of(reason, service, Optional.of("card")), available);
    }

    @Test
    void everythingAtHandIsPresentForEveryReasonAndService() {
        for (var reason : DisputeReason.values()) {
            for (var service : ServiceType.values()) {
                var lines = check(reason, service, everything());
                assertThat(lines).as("%s %s", reason, service).isNotEmpty().allSatisfy(l -> assertThat(l.finding())
                        .as("%s: %s", l.exhibit(), l.reason())
                        .isEqualTo(Finding.PRESENT));
                assertThat(EvidenceChecklist.requiredAtHand(lines)).isTrue();
            }
        }
    }

    @Test
    void nothingAtHandIsMissingEverywhereAndTheRequiredAreNotAtHand() {
        var lines = check(DisputeReason.PRODUCT_NOT_RECEIVED, ServiceType.EXPRESS, AvailableEvidence.nothing());

        assertThat(lines).allSatisfy(l -> assertThat(l.finding()).isEqualTo(Finding.MISSING));
        assertThat(line(lines, Exhibit.SIGNED_POD).reason()).isEqualTo("no proof of delivery");
        assertThat(line(lines, Exhibit.TELEMATICS_DELIVERY).reason()).isEqualTo("no telematics data for the load");
        assertThat(line(lines, Exhibit.DELIVERY_TIMES).reason()).isEqualTo("no delivery time recorded");
        assertThat(EvidenceChecklist.requiredAtHand(lines)).isFalse();
    }

    @Test
    void aPodPhotoFiftyKilometresFromTheConsigneeIsWeak() {
        var pod = new Pod(true, Optional.of("J. Meyer"), OptionalDouble.of(50_000), Optional.of(Duration.ofMinutes(3)));

        var l = line(
                check(DisputeReason.PRODUCT_NOT_RECEIVED, ServiceType.FULL_TRUCKLOAD, withPod(pod)),
                Exhibit.SIGNED_POD);

        assertThat(l.finding()).isEqualTo(Finding.WEAK);
        assertThat(l.reason()).isEqualTo("POD photo taken 50 km from the consignee");
    }

    @Test
    void thePodDistanceThresholdIsInclusive() {
        var at = new Pod(
                true,
                Optional.of("J. Meyer"),
                OptionalDouble.of(EvidenceChecklist.POD_MAX_DISTANCE_METRES),
                Optional.of(Duration.ZERO));
        var beyond = new Pod(
                true,
                Optional.of("J. Meyer"),
                OptionalDouble.of(EvidenceChecklist.POD_MAX_DISTANCE_METRES + 1),
                Optional.of(Duration.ZERO));

        assertThat(line(check(DisputeReason.GENERAL, ServiceType.PART_LOAD, withPod(at)), Exhibit.SIGNED_POD)
                        .finding())
                .isEqualTo(Finding.PRESENT);
        assertThat(line(check(DisputeReason.GENERAL, ServiceType.PART_LOAD, withPod(beyond)), Exhibit.SIGNED_POD)
                        .reason())
                .isEqualTo("POD photo taken 501 m from the consignee");
    }

    @Test
    void anUnsignedPodWithoutPositionAndALateExifTimeIsWeakForEachReason() {
        var pod = new Pod(false, Optional.empty(), OptionalDouble.empty(), Optional.of(Duration.ofMinutes(-330)));

        var l = line(
                check(DisputeReason.PRODUCT_NOT_RECEIVED, ServiceType.PART_LOAD, withPod(pod)), Exhibit.SIGNED_POD);

        assertThat(l.finding()).isEqualTo(Finding.WEAK);
        assertThat(l.reason())
                .isEqualTo("POD is not signed; POD photo has no GPS position;"
                        + " POD photo time is 5 h 30 min from the recorded delivery");
    }

    @Test
    void aSignedPodWithoutSignatoryIsWeak() {
        var pod = new Pod(true, Optional.of(" "), OptionalDouble.of(10), Optional.of(Duration.ZERO));

        var l = line(check(DisputeReason.GENERAL, ServiceType.FULL_TRUCKLOAD, withPod(pod)), Exhibit.SIGNED_POD);

        assertThat(l.finding()).isEqualTo(Finding.WEAK);
        assertThat(l.reason()).isEqualTo("POD is signed but the signatory is not named");
    }

    @Test
    void aBrokenCommunicationLogChainAndNoGeofenceArrivalAreWeak() {
        var a = everything();
        var available = new AvailableEvidence(
                a.pod(),
                Telematics.NO_ARRIVAL_IN_GEOFENCE,
                CommunicationLog.CHAIN_DOES_NOT_VERIFY,
                true,
                true,
                true,
                true,
                true,
                a.payment(),
                true,
                2,
                true,
                a.deliveryDelay());

        var lines = check(DisputeReason.PRODUCT_NOT_RECEIVED, ServiceType.FULL_TRUCKLOAD, available);

        assertThat(line(lines, Exhibit.COMMUNICATION_LOG))
                .isEqualTo(new Line(
                        Exhibit.COMMUNICATION_LOG,
                        EvidencePlan.Need.SUPPORTING,
                        Finding.WEAK,
                        "communication log chain does not verify"));
        assertThat(line(lines, Exhibit.TELEMATICS_DELIVERY).finding()).isEqualTo(Finding.WEAK);
        assertThat(line(lines, Exhibit.TELEMATICS_DELIVERY).reason())
                .isEqualTo("telematics shows no arrival in the consignee's geofence");
        assertThat(EvidenceChecklist.requiredAtHand(lines))
                .as("weak is still at hand")
                .isTrue();
    }

    @Test
    void fraudWithoutLiabilityShiftAndOnePriorPaymentIsWeak() {
        var a = everything();
        var available = new AvailableEvidence(
                a.pod(),
                a.telematics(),
                a.communicationLog(),
                true,
                true,
                true,
                true,
                true,
                Optional.of(new Payment(true, false, true, false)),
                true,
                1,
                true,
                a.deliveryDelay());

        var lines = check(DisputeReason.FRAUDULENT, ServiceType.PART_LOAD, available);

        assertThat(line(lines, Exhibit.THREE_D_SECURE).finding()).isEqualTo(Finding.WEAK);
        assertThat(line(lines, Exhibit.THREE_D_SECURE).reason())
                .isEqualTo("3-D Secure authenticated without liability shift; payer device not recorded");
        assertThat(line(lines, Exhibit.PRIOR_PAYMENTS).finding()).isEqualTo(Finding.WEAK);
        assertThat(line(lines, Exhibit.PRIOR_PAYMENTS).reason())
                .isEqualTo("only 1 prior undisputed payment (2 needed for Visa Compelling Evidence 3.0)");
    }

    @Test
    void fraudWithoutThreeDSecureOrPriorPaymentsMissesItsRequiredExhibits() {
        var lines = check(DisputeReason.FRAUDULENT, ServiceType.FULL_TRUCKLOAD, AvailableEvidence.nothing());

        assertThat(line(lines, Exhibit.THREE_D_SECURE).reason()).isEqualTo("no 3-D Secure result for the payment");
        assertThat(line(lines, Exhibit.PRIOR_PAYMENTS).reason())
                .isEqualTo("no prior undisputed payments by this payer");
        assertThat(EvidenceChecklist.requiredAtHand(lines)).isFalse();
    }

    @Test
    void anExpressDeliveryLaterThanTheToleranceIsWeakTiming() {
        var a = everything();
        var late = new AvailableEvidence(
                a.pod(),
                a.telematics(),
                a.communicationLog(),
                true,
                true,
                true,
                true,
                true,
                a.payment(),
                true,
                2,
                true,
                Optional.of(EvidenceChecklist.EXPRESS_LATENESS_TOLERANCE.plusMinutes(30)));

        var l = line(check(DisputeReason.PRODUCT_UNACCEPTABLE, ServiceType.EXPRESS, late), Exhibit.DELIVERY_TIMES);

        assertThat(l.finding()).isEqualTo(Finding.WEAK);
        assertThat(l.need()).isEqualTo(EvidencePlan.Need.REQUIRED);
        assertThat(l.reason()).isEqualTo("delivered 45 min after the promised time");
    }

    @Test
    void creditNotProcessedWithoutRefundPolicyMissesIt() {
        var lines = check(DisputeReason.CREDIT_NOT_PROCESSED, ServiceType.PART_LOAD, AvailableEvidence.nothing());

        assertThat(line(lines, Exhibit.REFUND_TERMS))
                .isEqualTo(new Line(
                        Exhibit.REFUND_TERMS, EvidencePlan.Need.REQUIRED, Finding.MISSING, "no refund policy on file"));
    }

    @Test
    void distancesAndDurationsReadAsPeopleWriteThem() {
        assertThat(EvidenceChecklist.metres(730.4)).isEqualTo("730 m");
        assertThat(EvidenceChecklist.metres(1_240)).isEqualTo("1.2 km");
        assertThat(EvidenceChecklist.metres(49_600)).isEqualTo("50 km");
        assertThat(EvidenceChecklist.duration(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(EvidenceChecklist.duration(Duration.ofMinutes(7))).isEqualTo("7 min");
    }
}
