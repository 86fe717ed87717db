package io.freightgate.fraud;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored screening decision, as risk analysts read it.
 *
 * @param stage {@code BEFORE_CONFIRMATION}, {@code AFTER_AUTHORIZATION} or {@code LATER}
 * @param decision {@code ALLOW}, {@code REQUEST_3DS}, {@code REVIEW} or {@code BLOCK}
 * @param firedRules the names of every rule that fired (decisions stored before rule names were kept name only their
 *     deciding rule)
 * @param explanations every rule that fired with the values it saw, the deciding one first, then any rule snoozed for
 *     this payment (saying so)
 * @param collectedAt when the payment's money arrived, if it did
 * @param facts the facts the decision was made on, as stored (numbers as decimal strings, amounts as minor units and
 *     currency); only when one decision is read
 */
public record DecisionView(
        UUID id,
        Instant decidedAt,
        String stage,
        UUID paymentRequestId,
        Optional<UUID> attemptId,
        TenantId carrierId,
        TenantId shipperId,
        Money amount,
        String decision,
        boolean holdPayout,
        Optional<String> decidingRule,
        List<String> firedRules,
        List<String> explanations,
        Optional<String> cardFingerprint,
        Optional<String> ipAddress,
        Optional<String> device,
        Optional<Instant> collectedAt,
        Optional<Map<String, Object>> facts) {

    public DecisionView {
        firedRules = List.copyOf(firedRules);
        explanations = List.copyOf(explanations);
    }
}
