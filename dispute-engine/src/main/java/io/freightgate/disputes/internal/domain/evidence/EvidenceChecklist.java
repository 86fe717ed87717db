package io.freightgate.disputes.internal.domain.evidence;

import io.freightgate.disputes.internal.domain.evidence.AvailableEvidence.Pod;
import io.freightgate.disputes.internal.domain.evidence.EvidencePlan.Need;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklist of a plan against what a case has: each of the plan's exhibits is {@link Finding#PRESENT}, {@link
 * Finding#WEAK} (there, but a bank may not accept it, with the reason) or {@link Finding#MISSING}. The thresholds are
 * the constants below.
 */
public final class EvidenceChecklist {

    /**
     * A POD photo taken farther than this from the consignee's address is weak: beyond a large yard or industrial site,
     * the photo was not taken at the delivery. GPS in a phone is good to tens of metres.
     */
    public static final double POD_MAX_DISTANCE_METRES = 500;

    /** A POD photo whose EXIF time is farther than this from the recorded delivery time is weak. */
    public static final Duration POD_MAX_EXIF_TIME_GAP = Duration.ofHours(2);

    /** Prior undisputed payments needed for full strength: Visa Compelling Evidence 3.0 asks for two. */
    public static final int PRIOR_PAYMENTS_NEEDED = 2;

    /** An express delivery later than the promised time by more than this is weak timing evidence. */
    public static final Duration EXPRESS_LATENESS_TOLERANCE = Duration.ofMinutes(15);

    private EvidenceChecklist() {}

    /** How an exhibit of the plan stands. */
    public enum Finding {
        PRESENT,
        WEAK,
        MISSING
    }

    /** One line of the checklist: the exhibit, how much the plan needs it, how it stands and why. */
    public record Line(Exhibit exhibit, Need need, Finding finding, String reason) {}

    /** The checklist of {@code plan} against {@code available}, in the plan's order; empty without evidence process. */
    public static List<Line> check(EvidencePlan plan, AvailableEvidence available) {
        var lines = new ArrayList<Line>();
        for (var item : plan.items()) {
            var found = assess(item.exhibit(), available);
            lines.add(new Line(item.exhibit(), item.need(), found.finding(), found.reason()));
        }
        return List.copyOf(lines);
    }

    /** Whether every required exhibit is present or weak (none is missing). */
    public static boolean requiredAtHand(List<Line> lines) {
        return lines.stream().noneMatch(l -> l.need() == Need.REQUIRED && l.finding() == Finding.MISSING);
    }

    private record Found(Finding finding, String reason) {
        static Found present(String reason) {
            return new Found(Finding.PRESENT, reason);
        }

        static Found missing(String reason) {
            return new Found(Finding.MISSING, reason);
        }

        static Found of(List<String> weaknesses, String present) {
            return weaknesses.isEmpty()
                    ? new Found(Finding.PRESENT, present)
                    : new Found(Finding.WEAK, String.join("; ", weaknesses));
        }

        static Found ifPresent(boolean present, String what) {
            return present ? present(what + " on file") : missing("no " + what + " on file");
        }
    }

    private static Found assess(Exhibit exhibit, AvailableEvidence a) {
        return switch (exhibit) {
            case SIGNED_POD -> a.pod().map(EvidenceChecklist::pod).orElse(Found.missing("no proof of delivery"));
            case TELEMATICS_DELIVERY ->
                switch (a.telematics()) {
                    case ARRIVED_IN_GEOFENCE -> Found.present("telematics shows arrival in the consignee's geofence");
                    case NO_ARRIVAL_IN_GEOFENCE ->
                        new Found(Finding.WEAK, "telematics shows no arrival in the consignee's geofence");
                    case NO_DATA -> Found.missing("no telematics data for the load");
                };
            case DELIVERY_TIMES ->
                a.deliveryDelay().map(EvidenceChecklist::timing).orElse(Found.missing("no delivery time recorded"));
            case COMMUNICATION_LOG ->
                switch (a.communicationLog()) {
                    case CHAIN_VERIFIED -> Found.present("communication log present, chain verifies");
                    case CHAIN_DOES_NOT_VERIFY -> new Found(Finding.WEAK, "communication log chain does not verify");
                    case NONE -> Found.missing("no communication log for the load");
                };
            case RATE_CONFIRMATION -> Found.ifPresent(a.rateConfirmation(), "rate confirmation");
            case LOAD_DOCUMENTS -> Found.ifPresent(a.loadDocuments(), "CMR or bill of lading");
            case FREIGHT_INVOICE -> Found.ifPresent(a.invoice(), "freight invoice");
            case REFUND_TERMS -> Found.ifPresent(a.refundTerms(), "refund policy");
            case CANCELLATION_TERMS -> Found.ifPresent(a.cancellationTerms(), "cancellation policy");
            case PAYER_DETAILS -> Found.ifPresent(a.payerDetails(), "payer name, e-mail and billing address");
            case OTHER_CHARGE ->
                a.otherCharge()
                        ? Found.present("the other charge is identified with its own load")
                        : Found.missing("the other charge is not identified");
            case THREE_D_SECURE ->
                a.payment()
                        .map(EvidenceChecklist::payment)
                        .orElse(Found.missing("no 3-D Secure result for the payment"));
            case PRIOR_PAYMENTS -> prior(a.priorUndisputedPayments());
        };
    }

    private static Found pod(Pod pod) {
        var weak = new ArrayList<String>();
        if (!pod.signed()) {
            weak.add("POD is not signed");
        } else if (pod.signatory().filter(s -> !s.isBlank()).isEmpty()) {
            weak.add("POD is signed but the signatory is not named");
        }
        var distance = pod.photoDistanceToConsigneeMetres();
        if (distance.isEmpty()) {
            weak.add("POD photo has no GPS position");
        } else if (distance.getAsDouble() > POD_MAX_DISTANCE_METRES) {
            weak.add("POD photo taken " + metres(distance.getAsDouble()) + " from the consignee");
        }
        var gap = pod.exifTimeGap();
        if (gap.isEmpty()) {
            weak.add("POD photo has no EXIF time");
        } else if (gap.get().abs().compareTo(POD_MAX_EXIF_TIME_GAP) > 0) {
            weak.add("POD photo time is " + duration(gap.get().abs()) + " from the recorded delivery");
        }
        return Found.of(weak, "signed POD with named signatory, photo at the consignee at delivery time");
    }

    private static Found timing(Duration delay) {
        return delay.compareTo(EXPRESS_LATENESS_TOLERANCE) > 0
                ? new Found(Finding.WEAK, "delivered " + duration(delay) + " after the promised time")
                : Found.present("delivered within the promised window");
    }

    private static Found payment(AvailableEvidence.Payment p) {
        var weak = new ArrayList<String>();
        if (!p.authenticated()) {
            weak.add("payment was not authenticated with 3-D Secure");
        } else if (!p.liabilityShift()) {
            weak.add("3-D Secure authenticated without liability shift");
        }
        if (!p.payerIp()) {
            weak.add("payer IP address not recorded");
        }
        if (!p.device()) {
            weak.add("payer device not recorded");
        }
        return Found.of(weak, "3-D Secure authenticated with liability shift, payer IP and device recorded");
    }

    private static Found prior(int count) {
        if (count <= 0) {
            return Found.missing("no prior undisputed payments by this payer");
        }
        if (count < PRIOR_PAYMENTS_NEEDED) {
            return new Found(
                    Finding.WEAK,
                    "only " + count + " prior undisputed payment (" + PRIOR_PAYMENTS_NEEDED
                            + " needed for Visa Compelling Evidence 3.0)");
        }
        return Found.present(count + " prior undisputed payments by this payer");
    }

    /** 50 km, 1.2 km, 730 m. */
    static String metres(double metres) {
        if (metres < 1000) {
            return Math.round(metres) + " m";
        }
        if (metres < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f km", metres / 1000);
        }
        return Math.round(metres / 1000) + " km";
    }

    /** 5 h 30 min, 45 min. */
    static String duration(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
