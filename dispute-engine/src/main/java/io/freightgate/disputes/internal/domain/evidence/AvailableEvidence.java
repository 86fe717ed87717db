package io.freightgate.disputes.internal.domain.evidence;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a case has at hand, gathered from the load, the payment and the terms (the gathering is not built yet). Absent
 * sources are {@link Optional#empty()} or {@code false}.
 *
 * @param pod the load's proof of delivery, if one was uploaded
 * @param telematics what the telematics pings show at the consignee
 * @param communicationLog the load's communication log and whether its hash chain verifies
 * @param rateConfirmation whether the rate confirmation accepted by the shipper is on file
 * @param loadDocuments whether a CMR or bill of lading is on file
 * @param invoice whether the freight invoice (the payment request) is on file
 * @param refundTerms whether the terms with the refund policy shown to the shipper are on file
 * @param cancellationTerms whether the terms with the cancellation policy shown to the shipper are on file
 * @param payment the card payment's authentication and payer facts, if any were recorded
 * @param payerDetails whether the payer's name, e-mail and billing address are known
 * @param priorUndisputedPayments how many earlier payments by the same payer were paid and never disputed
 * @param otherCharge whether the other charge named as a duplicate was identified with its own load
 * @param deliveryDelay for a load with a promised delivery time: how late it was delivered (zero or negative: on time);
 *     empty when no delivery time is recorded
 */
public record AvailableEvidence(
        Optional<Pod> pod,
        Telematics telematics,
        CommunicationLog communicationLog,
        boolean rateConfirmation,
        boolean loadDocuments,
        boolean invoice,
        boolean refundTerms,
        boolean cancellationTerms,
        Optional<Payment> payment,
        boolean payerDetails,
        int priorUndisputedPayments,
        boolean otherCharge,
        Optional<Duration> deliveryDelay) {

    /**
     * A proof of delivery.
     *
     * @param signed whether it carries the consignee's signature
     * @param signatory the signatory's name, if given
     * @param photoDistanceToConsigneeMetres how far from the consignee's address the photo was taken (its GPS), if the
     *     photo has a position
     * @param exifTimeGap how far the photo's EXIF time is from the recorded delivery time, if the photo has a time
     */
    public record Pod(
            boolean signed,
            Optional<String> signatory,
            OptionalDouble photoDistanceToConsigneeMetres,
            Optional<Duration> exifTimeGap) {}

    /** What the telematics pings show at the consignee's geofence. */
    public enum Telematics {
        ARRIVED_IN_GEOFENCE,
        NO_ARRIVAL_IN_GEOFENCE,
        NO_DATA
    }

    /** The load's communication log. */
    public enum CommunicationLog {
        CHAIN_VERIFIED,
        CHAIN_DOES_NOT_VERIFY,
        NONE
    }

    /**
     * The card payment's authentication and payer facts.
     *
     * @param authenticated whether 3-D Secure authenticated the cardholder
     * @param liabilityShift whether the issuer took the fraud liability
     * @param payerIp whether the payer's IP address was recorded
     * @param device whether the payer's device (fingerprint or id) was recorded
     */
    public record Payment(boolean authenticated, boolean liabilityShift, boolean payerIp, boolean device) {}

    /** Nothing at all: the start of a case whose sources are not gathered. */
    public static AvailableEvidence nothing() {
        return new AvailableEvidence(
                Optional.empty(),
                Telematics.NO_DATA,
                CommunicationLog.NONE,
                false,
                false,
                false,
                false,
                false,
                Optional.empty(),
                false,
                0,
                false,
                Optional.empty());
    }
}
