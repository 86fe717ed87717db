package io.freightgate.disputes.internal.domain.evidence;

import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.ACCESS_ACTIVITY_LOG;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.BILLING_ADDRESS;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CANCELLATION_POLICY;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CANCELLATION_POLICY_DISCLOSURE;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CANCELLATION_REBUTTAL;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CUSTOMER_COMMUNICATION;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CUSTOMER_EMAIL_ADDRESS;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CUSTOMER_NAME;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CUSTOMER_PURCHASE_IP;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.CUSTOMER_SIGNATURE;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.DUPLICATE_CHARGE_DOCUMENTATION;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.DUPLICATE_CHARGE_EXPLANATION;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.DUPLICATE_CHARGE_ID;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.PRODUCT_DESCRIPTION;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.RECEIPT;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.REFUND_POLICY;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.REFUND_POLICY_DISCLOSURE;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.REFUND_REFUSAL_EXPLANATION;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.SERVICE_DATE;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.SERVICE_DOCUMENTATION;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.SHIPPING_ADDRESS;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.SHIPPING_CARRIER;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.SHIPPING_DATE;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.SHIPPING_DOCUMENTATION;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.SHIPPING_TRACKING_NUMBER;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.UNCATEGORIZED_FILE;
import static io.freightgate.disputes.internal.domain.evidence.StripeEvidenceField.UNCATEGORIZED_TEXT;

import java.util.List;

/**
 * A piece of evidence FreightGate can put in a dispute's file, what it proves, and the Stripe evidence fields it fills.
 * The sources are already in the system (the payment request, the load's proofs of delivery and telematics, its
 * hash-chained communication log, its documents, the payment's 3-D Secure result); assembling them is not built yet.
 */
public enum Exhibit {
    SIGNED_POD(
            "signed proof of delivery (signatory, photo with EXIF time and GPS position)",
            "the goods were handed over at the consignee, to a named person, at a time and place",
            List.of(SHIPPING_DOCUMENTATION, CUSTOMER_SIGNATURE, SHIPPING_DATE)),
    TELEMATICS_DELIVERY(
            "GPS/telematics delivery confirmation (arrival and departure in the consignee's geofence)",
            "the vehicle reached the delivery address and stayed there",
            List.of(SHIPPING_DOCUMENTATION, SHIPPING_TRACKING_NUMBER, SHIPPING_ADDRESS)),
    DELIVERY_TIMES(
            "pickup and delivery times against the promised delivery window",
            "the load was delivered when it was promised",
            List.of(SHIPPING_DATE, SERVICE_DATE, SERVICE_DOCUMENTATION)),
    COMMUNICATION_LOG(
            "the load's hash-chained communication log with its chain verification",
            "what the shipper was told and agreed to, unaltered since",
            List.of(CUSTOMER_COMMUNICATION)),
    RATE_CONFIRMATION(
            "the rate confirmation accepted by the shipper",
            "the shipper ordered this transport at this price",
            List.of(SERVICE_DOCUMENTATION, CUSTOMER_SIGNATURE, PRODUCT_DESCRIPTION)),
    LOAD_DOCUMENTS(
            "load documents (CMR consignment note, bill of lading)",
            "what was carried, from where to where, and who took it over",
            List.of(SHIPPING_DOCUMENTATION, SHIPPING_ADDRESS, SHIPPING_CARRIER, SHIPPING_DATE)),
    FREIGHT_INVOICE(
            "the freight invoice (payment request) with load reference and amount",
            "what was charged and for which load",
            List.of(RECEIPT)),
    REFUND_TERMS(
            "terms with the refund policy as shown to the shipper",
            "when a refund is owed, and that the shipper saw the terms",
            List.of(REFUND_POLICY, REFUND_POLICY_DISCLOSURE, REFUND_REFUSAL_EXPLANATION)),
    CANCELLATION_TERMS(
            "terms with the cancellation policy as shown to the shipper",
            "when and how an order may be cancelled, and that it was not cancelled in time",
            List.of(CANCELLATION_POLICY, CANCELLATION_POLICY_DISCLOSURE, CANCELLATION_REBUTTAL)),
    THREE_D_SECURE(
            "3-D Secure result and liability shift, payer IP address and device",
            "the cardholder authenticated the payment from a known address and device",
            List.of(ACCESS_ACTIVITY_LOG, CUSTOMER_PURCHASE_IP)),
    PAYER_DETAILS(
            "payer's name, e-mail and billing address, with AVS/CVC checks",
            "the payer is the shipper's known account holder",
            List.of(CUSTOMER_NAME, CUSTOMER_EMAIL_ADDRESS, BILLING_ADDRESS)),
    PRIOR_PAYMENTS(
            "prior undisputed payments by the same payer",
            "the payer paid for earlier loads the same way and never disputed them",
            List.of(UNCATEGORIZED_FILE, UNCATEGORIZED_TEXT)),
    OTHER_CHARGE(
            "the other charge named as a duplicate, with its own load and invoice",
            "the two charges pay for two different loads",
            List.of(DUPLICATE_CHARGE_ID, DUPLICATE_CHARGE_EXPLANATION, DUPLICATE_CHARGE_DOCUMENTATION));

    private final String description;
    private final String proves;
    private final List<StripeEvidenceField> fields;

    Exhibit(String description, String proves, List<StripeEvidenceField> fields) {
        this.description = description;
        this.proves = proves;
        this.fields = fields;
    }

    public String description() {
        return description;
    }

    /** What the exhibit proves, in plain words. */
    public String proves() {
        return proves;
    }

    /** The Stripe evidence fields the exhibit fills. */
    public List<StripeEvidenceField> fields() {
        return fields;
    }
}
