package io.freightgate.disputes.internal.domain.evidence;

/**
 * The fields of Stripe's dispute {@code evidence} hash (stripe-java 33.x): text fields and file fields (a {@code file_}
 * id uploaded with purpose {@code dispute_evidence}). Long text fields take at most 20,000 characters; all fields
 * together 150,000. Visa Compelling Evidence 3.0 ({@code enhanced_evidence}) is not a field of this hash.
 */
public enum StripeEvidenceField {
    ACCESS_ACTIVITY_LOG("access_activity_log", Kind.TEXT),
    BILLING_ADDRESS("billing_address", Kind.TEXT),
    CANCELLATION_POLICY("cancellation_policy", Kind.FILE),
    CANCELLATION_POLICY_DISCLOSURE("cancellation_policy_disclosure", Kind.TEXT),
    CANCELLATION_REBUTTAL("cancellation_rebuttal", Kind.TEXT),
    CUSTOMER_COMMUNICATION("customer_communication", Kind.FILE),
    CUSTOMER_EMAIL_ADDRESS("customer_email_address", Kind.TEXT),
    CUSTOMER_NAME("customer_name", Kind.TEXT),
    CUSTOMER_PURCHASE_IP("customer_purchase_ip", Kind.TEXT),
    CUSTOMER_SIGNATURE("customer_signature", Kind.FILE),
    DUPLICATE_CHARGE_DOCUMENTATION("duplicate_charge_documentation", Kind.FILE),
    DUPLICATE_CHARGE_EXPLANATION("duplicate_charge_explanation", Kind.TEXT),
    DUPLICATE_CHARGE_ID("duplicate_charge_id", Kind.TEXT),
    PRODUCT_DESCRIPTION("product_description", Kind.TEXT),
    RECEIPT("receipt", Kind.FILE),
    REFUND_POLICY("refund_policy", Kind.FILE),
    REFUND_POLICY_DISCLOSURE("refund_policy_disclosure", Kind.TEXT),
    REFUND_REFUSAL_EXPLANATION("refund_refusal_explanation", Kind.TEXT),
    SERVICE_DATE("service_date", Kind.TEXT),
    SERVICE_DOCUMENTATION("service_documentation", Kind.FILE),
    SHIPPING_ADDRESS("shipping_address", Kind.TEXT),
    SHIPPING_CARRIER("shipping_carrier", Kind.TEXT),
    SHIPPING_DATE("shipping_date", Kind.TEXT),
    SHIPPING_DOCUMENTATION("shipping_documentation", Kind.FILE),
    SHIPPING_TRACKING_NUMBER("shipping_tracking_number", Kind.TEXT),
    UNCATEGORIZED_FILE("uncategorized_file", Kind.FILE),
    UNCATEGORIZED_TEXT("uncategorized_text", Kind.TEXT);

    /** Whether Stripe takes text or the id of an uploaded file. */
    public enum Kind {
        TEXT,
        FILE
    }

    private final String stripe;
    private final Kind kind;

    StripeEvidenceField(String stripe, Kind kind) {
        this.stripe = stripe;
        this.kind = kind;
    }

    /** The field's name in Stripe's {@code evidence} hash. */
    public String stripe() {
        return stripe;
    }

    public Kind kind() {
        return kind;
    }
}
