package io.freightgate.integrations;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of events integrators can subscribe to, with their wire names. An event that is {@link #emitted()} is
 * delivered today; the others are announced (integrators may subscribe to them already) and start to be delivered when
 * the module that owns them publishes them: adding one is one constant here and one listener method in
 * {@code io.freightgate.flows}. docs/integrations.md documents every constant.
 */
public enum IntegrationEventType {
    PAYMENT_REQUEST_CREATED("payment_request.created", true),
    PAYMENT_REQUEST_PAID("payment_request.paid", true),
    PAYMENT_ATTEMPT_FAILED("payment_attempt.failed", true),
    TRANSFER_RELEASED("transfer.released", true),
    TRANSFER_HELD("transfer.held", true),
    PAYOUT_PAID("payout.paid", true),
    PAYOUT_FAILED("payout.failed", true),
    DISPUTE_CREATED("dispute.created", true),
    DISPUTE_UPDATED("dispute.updated", true),
    DISPUTE_CLOSED("dispute.closed", true);

    private final String wireName;
    private final boolean emitted;

    IntegrationEventType(String wireName, boolean emitted) {
        this.wireName = wireName;
        this.emitted = emitted;
    }

    /** The name in payloads, subscriptions and the {@code FreightGate-Event-Type} header. */
    public String wireName() {
        return wireName;
    }

    /** Whether FreightGate publishes this event yet ("coming" otherwise). */
    public boolean emitted() {
        return emitted;
    }

    public static Optional<IntegrationEventType> ofWireName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(name))
                .findFirst();
    }
}
