package io.freightgate.disputes.internal;

import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.internal.domain.DisputeSnapshot;
import io.freightgate.kernel.Money;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps dispute cases in step with Stripe: every {@code charge.dispute.*} event of the platform account carries the
 * dispute object, which is read into a {@link DisputeSnapshot} and applied to its case by comparison (see {@link
 * io.freightgate.disputes.internal.domain.DisputeCase}). The decision is taken from the object's {@code status}, never
 * from the event's type: {@code funds_reinstated} has been seen with status {@code lost}. Only disputes Stripe names
 * {@code dp_...} or {@code du_...} move money; a status this version does not know leaves the event unapplied.
 */
@Component
class StripeDisputeEvents implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeDisputeEvents.class);

    private final DisputeCases cases;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeDisputeEvents(DisputeCases cases) {
        this.cases = cases;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(
                "charge.dispute.created",
                "charge.dispute.updated",
                "charge.dispute.funds_withdrawn",
                "charge.dispute.funds_reinstated",
                "charge.dispute.closed");
    }

    @Override
    public void handle(InboxEvent event) {
        if (event.account().isPresent()) {
            return;
        }
        snapshot(json.readTree(event.payload()).path("data").path("object")).ifPresent(cases::apply);
    }

    /** The dispute object as a snapshot; empty when it names no PaymentIntent or has a status this version lacks. */
    static Optional<DisputeSnapshot> snapshot(JsonNode object) {
        Optional<String> id = text(object.path("id"));
        Optional<String> intent = text(object.path("payment_intent"));
        if (id.isEmpty() || intent.isEmpty()) {
            return Optional.empty();
        }
        String statusName = object.path("status").asString("");
        Optional<DisputeStatus> status = DisputeStatus.ofStripe(statusName);
        if (status.isEmpty()) {
            log.warn("Dispute {} has status '{}', which this version does not know: not applied", id.get(), statusName);
            return Optional.empty();
        }
        String currency = currency(object).orElse("EUR");
        long dueBy = object.path("evidence_details").path("due_by").asLong(0);
        boolean movesMoney = id.get().startsWith("dp_") || id.get().startsWith("du_");
        Optional<DisputeSnapshot.Movement> withdrawal = Optional.empty();
        Optional<DisputeSnapshot.Movement> reinstatement = Optional.empty();
        for (JsonNode txn : object.path("balance_transactions")) {
            if (!movesMoney || !txn.isObject()) {
                continue;
            }
            String txnCurrency = currency(txn).orElse(currency);
            long amount = txn.path("amount").asLong(0);
            long fee = txn.path("fee").asLong(0);
            switch (txn.path("reporting_category").asString("")) {
                case "dispute" ->
                    withdrawal = Optional.of(
                            new DisputeSnapshot.Movement(Money.of(-amount, txnCurrency), Money.of(fee, txnCurrency)));
                case "dispute_reversal" ->
                    reinstatement = Optional.of(
                            new DisputeSnapshot.Movement(Money.of(amount, txnCurrency), Money.of(-fee, txnCurrency)));
                default -> {}
            }
        }
        return Optional.of(new DisputeSnapshot(
                id.get(),
                object.path("charge").asString(""),
                intent.get(),
                status.get(),
                Money.of(object.path("amount").asLong(0), currency),
                object.path("reason").asString("general"),
                dueBy > 0 ? Optional.of(Instant.ofEpochSecond(dueBy)) : Optional.empty(),
                Instant.ofEpochSecond(object.path("created").asLong(0)),
                withdrawal,
                reinstatement));
    }

    private static Optional<String> currency(JsonNode node) {
        return text(node.path("currency")).map(c -> c.toUpperCase(Locale.ROOT));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}
