package io.freightgate.disputes.internal.domain.evidence;

import static io.freightgate.disputes.internal.domain.evidence.EvidencePlan.Need.REQUIRED;
import static io.freightgate.disputes.internal.domain.evidence.EvidencePlan.Need.SUPPORTING;

import io.freightgate.disputes.DisputeReason;
import io.freightgate.disputes.internal.domain.evidence.EvidencePlan.Item;
import io.freightgate.disputes.internal.domain.evidence.EvidencePlan.Need;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The evidence plans: one table of exhibits per Stripe reason (after Stripe's guidance per dispute category, mapped onto
 * what a freight load leaves behind), adjusted by service type:
 *
 * <ul>
 *   <li>{@link ServiceType#FULL_TRUCKLOAD}: the vehicle is the load, so telematics arrival in the consignee's geofence
 *       is delivery proof as strong as the POD wherever delivery is in question;
 *   <li>{@link ServiceType#PART_LOAD}: the vehicle carries other consignments, so telematics only supports, and the
 *       consignment's own load documents (CMR, bill of lading) are required wherever delivery is in question;
 *   <li>{@link ServiceType#EXPRESS}: a delivery time was promised, so the delivery times are evidence in every plan that
 *       shows the delivery, required where the service itself is disputed, and telematics is required beside the POD.
 * </ul>
 *
 * A SEPA Direct Debit disputed as {@code debit_not_authorized} has no evidence process ({@link
 * DisputeReason#hasEvidenceProcess}): its plan has no exhibits and says so.
 */
public final class EvidencePlans {

    private EvidencePlans() {}

    /** The plan for a dispute of {@code reason} on a load of {@code service}, paid by {@code paymentMethodType}. */
    public static EvidencePlan of(DisputeReason reason, ServiceType service, Optional<String> paymentMethodType) {
        if (!reason.hasEvidenceProcess(paymentMethodType)) {
            return new EvidencePlan(
                    reason,
                    service,
                    false,
                    "No evidence process: the payer's bank refunds a SEPA Direct Debit the payer says it never"
                            + " authorized on the payer's word; nothing submitted changes it. The case goes to recovery"
                            + " from the carrier.",
                    List.of());
        }
        var plan = new Table();
        base(reason, plan);
        if (plan.has(Exhibit.SIGNED_POD)) {
            byService(reason, service, plan);
        }
        return new EvidencePlan(reason, service, true, note(reason), plan.items);
    }

    private static boolean deliveryDisputed(DisputeReason reason) {
        return reason == DisputeReason.PRODUCT_NOT_RECEIVED || reason == DisputeReason.PRODUCT_UNACCEPTABLE;
    }

    private static void base(DisputeReason reason, Table plan) {
        switch (reason) {
            case PRODUCT_NOT_RECEIVED ->
                plan.add(Exhibit.SIGNED_POD, REQUIRED, "the consignee took the goods over")
                        .add(Exhibit.TELEMATICS_DELIVERY, SUPPORTING, "the vehicle arrived at the delivery address")
                        .add(Exhibit.LOAD_DOCUMENTS, SUPPORTING, "the consignment, the route and the consignee")
                        .add(Exhibit.COMMUNICATION_LOG, SUPPORTING, "the delivery was announced and not contested then")
                        .add(Exhibit.RATE_CONFIRMATION, SUPPORTING, "the delivery address the shipper ordered");
            case PRODUCT_UNACCEPTABLE ->
                plan.add(Exhibit.RATE_CONFIRMATION, REQUIRED, "the service ordered, to compare with what was done")
                        .add(Exhibit.SIGNED_POD, REQUIRED, "the consignee signed without reservation")
                        .add(Exhibit.COMMUNICATION_LOG, REQUIRED, "how the complaint was handled")
                        .add(Exhibit.REFUND_TERMS, REQUIRED, "no refund is owed for a service rendered as ordered")
                        .add(Exhibit.LOAD_DOCUMENTS, SUPPORTING, "the goods' condition noted at pickup and delivery");
            case CREDIT_NOT_PROCESSED ->
                plan.add(Exhibit.REFUND_TERMS, REQUIRED, "no refund is owed, or the refund was issued")
                        .add(Exhibit.COMMUNICATION_LOG, REQUIRED, "what the shipper was told about the refund")
                        .add(Exhibit.SIGNED_POD, SUPPORTING, "the transport was carried out, so nothing is to refund")
                        .add(Exhibit.RATE_CONFIRMATION, SUPPORTING, "the price agreed");
            case DUPLICATE ->
                plan.add(Exhibit.OTHER_CHARGE, REQUIRED, "the other charge pays for another load")
                        .add(Exhibit.FREIGHT_INVOICE, REQUIRED, "this charge's own invoice and load")
                        .add(Exhibit.RATE_CONFIRMATION, SUPPORTING, "each load was ordered separately")
                        .add(Exhibit.LOAD_DOCUMENTS, SUPPORTING, "two consignments, each with its own documents");
            case FRAUDULENT ->
                plan.add(Exhibit.THREE_D_SECURE, REQUIRED, "the cardholder authenticated the payment")
                        .add(Exhibit.PRIOR_PAYMENTS, REQUIRED, "the same payer paid earlier loads and kept them")
                        .add(Exhibit.PAYER_DETAILS, SUPPORTING, "the payer is the shipper's account holder")
                        .add(Exhibit.RATE_CONFIRMATION, SUPPORTING, "the shipper ordered the load")
                        .add(Exhibit.SIGNED_POD, SUPPORTING, "the goods went to the shipper's consignee")
                        .add(
                                Exhibit.COMMUNICATION_LOG,
                                SUPPORTING,
                                "the shipper dealt with the carrier about the load");
            case UNRECOGNIZED ->
                plan.add(Exhibit.FREIGHT_INVOICE, REQUIRED, "the charge and the load it pays for")
                        .add(Exhibit.RATE_CONFIRMATION, REQUIRED, "the shipper ordered the load")
                        .add(Exhibit.PAYER_DETAILS, REQUIRED, "the payer is the shipper's account holder")
                        .add(Exhibit.THREE_D_SECURE, SUPPORTING, "the cardholder authenticated the payment")
                        .add(Exhibit.PRIOR_PAYMENTS, SUPPORTING, "the payer paid earlier loads the same way")
                        .add(
                                Exhibit.COMMUNICATION_LOG,
                                SUPPORTING,
                                "the shipper dealt with the carrier about the load");
            case SUBSCRIPTION_CANCELED ->
                plan.add(Exhibit.CANCELLATION_TERMS, REQUIRED, "the order was not cancelled as the terms require")
                        .add(Exhibit.SIGNED_POD, REQUIRED, "the load was carried and delivered")
                        .add(Exhibit.COMMUNICATION_LOG, REQUIRED, "no cancellation was received in time")
                        .add(Exhibit.RATE_CONFIRMATION, SUPPORTING, "the order and its terms");
            case DEBIT_NOT_AUTHORIZED ->
                plan.add(Exhibit.RATE_CONFIRMATION, REQUIRED, "the shipper signed for the order it paid by debit")
                        .add(Exhibit.PAYER_DETAILS, REQUIRED, "the account holder is the shipper")
                        .add(Exhibit.FREIGHT_INVOICE, SUPPORTING, "the amount debited and its load")
                        .add(Exhibit.PRIOR_PAYMENTS, SUPPORTING, "earlier debits were never disputed")
                        .add(Exhibit.SIGNED_POD, SUPPORTING, "the shipper received the service");
            case CUSTOMER_INITIATED ->
                plan.add(Exhibit.RATE_CONFIRMATION, REQUIRED, "the shipper ordered the load")
                        .add(Exhibit.FREIGHT_INVOICE, REQUIRED, "the amount and the load it pays for")
                        .add(Exhibit.SIGNED_POD, REQUIRED, "the service was delivered")
                        .add(Exhibit.COMMUNICATION_LOG, SUPPORTING, "no complaint was raised with the carrier")
                        .add(Exhibit.REFUND_TERMS, SUPPORTING, "no refund is owed");
            case GENERAL ->
                plan.add(Exhibit.RATE_CONFIRMATION, REQUIRED, "the shipper ordered the load")
                        .add(Exhibit.SIGNED_POD, REQUIRED, "the service was delivered")
                        .add(Exhibit.FREIGHT_INVOICE, REQUIRED, "the charge and the load it pays for")
                        .add(Exhibit.COMMUNICATION_LOG, SUPPORTING, "what was agreed and said")
                        .add(Exhibit.LOAD_DOCUMENTS, SUPPORTING, "the consignment and the route")
                        .add(Exhibit.REFUND_TERMS, SUPPORTING, "no refund is owed");
            case NONCOMPLIANT ->
                plan.add(Exhibit.RATE_CONFIRMATION, REQUIRED, "the order the charge implements")
                        .add(Exhibit.FREIGHT_INVOICE, REQUIRED, "the charge as presented to the payer")
                        .add(Exhibit.COMMUNICATION_LOG, SUPPORTING, "what the payer agreed to");
            case BANK_CANNOT_PROCESS, CHECK_RETURNED, INSUFFICIENT_FUNDS, INCORRECT_ACCOUNT_DETAILS ->
                plan.add(Exhibit.FREIGHT_INVOICE, REQUIRED, "the amount is owed for a load")
                        .add(Exhibit.RATE_CONFIRMATION, REQUIRED, "the shipper ordered the load at this price")
                        .add(Exhibit.SIGNED_POD, SUPPORTING, "the service was delivered")
                        .add(Exhibit.COMMUNICATION_LOG, SUPPORTING, "the shipper was told of the payment");
        }
    }

    private static void byService(DisputeReason reason, ServiceType service, Table plan) {
        boolean disputed = deliveryDisputed(reason);
        switch (service) {
            case FULL_TRUCKLOAD -> {
                if (disputed) {
                    plan.put(
                            Exhibit.TELEMATICS_DELIVERY,
                            REQUIRED,
                            "the vehicle carrying only this load arrived in the consignee's geofence");
                }
            }
            case PART_LOAD -> {
                plan.put(
                        Exhibit.TELEMATICS_DELIVERY,
                        SUPPORTING,
                        "the vehicle reached the address; it carried other consignments, so it does not show which was"
                                + " delivered");
                if (disputed) {
                    plan.put(
                            Exhibit.LOAD_DOCUMENTS,
                            REQUIRED,
                            "this consignment's own consignment note, signed at delivery");
                }
            }
            case EXPRESS -> {
                plan.put(
                        Exhibit.DELIVERY_TIMES,
                        disputed ? REQUIRED : SUPPORTING,
                        "the delivery was made within the promised window");
                if (disputed) {
                    plan.put(Exhibit.TELEMATICS_DELIVERY, REQUIRED, "the time the vehicle reached the consignee");
                }
            }
        }
    }

    private static String note(DisputeReason reason) {
        return switch (reason) {
            case BANK_CANNOT_PROCESS, CHECK_RETURNED, INSUFFICIENT_FUNDS, INCORRECT_ACCOUNT_DETAILS ->
                "The payer's bank could not complete the payment: the evidence shows the amount is owed; the bank"
                        + " rarely reverses, so recovery from the shipper may be the way.";
            case FRAUDULENT ->
                "A 3-D Secure authentication with liability shift usually settles it; with two prior undisputed"
                        + " payments the case may qualify for Visa Compelling Evidence 3.0.";
            case PRODUCT_NOT_RECEIVED -> "Delivery proof decides it; 3-D Secure does not protect against this reason.";
            default -> "Submit the required exhibits before the deadline; supporting exhibits strengthen the file.";
        };
    }

    /** The plan being built: items in order, an exhibit at most once. */
    private static final class Table {
        final List<Item> items = new ArrayList<>();

        Table add(Exhibit exhibit, Need need, String answers) {
            if (has(exhibit)) {
                throw new IllegalStateException(exhibit + " is already in the plan");
            }
            items.add(new Item(exhibit, need, answers));
            return this;
        }

        /** Adds {@code exhibit} or replaces it, keeping the stronger need. */
        void put(Exhibit exhibit, Need need, String answers) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).exhibit() == exhibit) {
                    var stronger = items.get(i).need() == REQUIRED ? REQUIRED : need;
                    items.set(i, new Item(exhibit, stronger, answers));
                    return;
                }
            }
            items.add(new Item(exhibit, need, answers));
        }

        boolean has(Exhibit exhibit) {
            return items.stream().anyMatch(i -> i.exhibit() == exhibit);
        }
    }
}
