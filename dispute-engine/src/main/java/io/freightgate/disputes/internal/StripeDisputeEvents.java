package io.freightgate.disputes.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import io.freightgate.disputes.DisputeReason;
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
 * Keeps dispute cases in step with Stripe: every {@code charge.dispute.*} event, of the platform's endpoint or of the
 * Connect endpoint, carries the dispute object, which is read into a {@link DisputeSnapshot} and applied to its case by
 * comparison (see {@link io.freightgate.disputes.internal.domain.DisputeCase}). The decision is taken from the object's
 * {@code status}, never from the event's type: {@code funds_reinstated} has been seen with status {@code lost}. Only
 * disputes Stripe names {@code dp_...} or {@code du_...} move money.
 *
 * <p>When the object lacks what the case needs (no PaymentIntent, a status this version does not know) or is older than
 * the case (events out of order), the dispute is read again from Stripe ({@code GET /v1/disputes/{id}}, on the
 * connected account for a Connect event) and that is applied instead. The read changes nothing at Stripe, so it needs
 * no idempotency key and no Stripe-call record; it runs outside any transaction (the inbox calls handlers outside one).
 * A read that fails for a complete but stale snapshot changes nothing (the case already knows more); for an incomplete
 * one it throws, and the inbox retries the event.
 */
@Component
class StripeDisputeEvents implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeDisputeEvents.class);

    private final DisputeCases cases;
    private final StripeClient stripe;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    StripeDisputeEvents(DisputeCases cases, StripeClient stripe) {
        this.cases = cases;
        this.stripe = stripe;
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
        JsonNode object = JSON.readTree(event.payload()).path("data").path("object");
        Optional<String> id = text(object.path("id"));
        if (id.isEmpty()) {
            log.warn("Event {} ({}) carries no dispute id: ignored", event.eventId(), event.type());
            return;
        }
        Optional<DisputeSnapshot> carried =
                snapshot(object).filter(s -> s.paymentIntentId().isPresent());
        DisputeSnapshot snapshot = carried.or(() -> fetched(id.get(), event.account()))
                .or(() -> snapshot(object))
                .orElseThrow(() -> new IllegalStateException(
                        "Dispute " + id.get() + " cannot be read (unknown status, and Stripe did not answer)"));
        if (cases.apply(snapshot) == DisputeCases.Applied.STALE) {
            log.info("Event {} carried older news of dispute {}; reading it from Stripe", event.eventId(), id.get());
            try {
                fetched(id.get(), event.account()).ifPresent(cases::apply);
            } catch (IllegalStateException e) {
                log.info(
                        "Dispute {} could not be read again ({}); the case keeps what it knows",
                        id.get(),
                        e.getMessage());
            }
        }
    }

    /** The dispute as Stripe has it now; throws when Stripe cannot be reached, so the inbox retries the event. */
    private Optional<DisputeSnapshot> fetched(String disputeId, Optional<String> account) {
        if (!disputeId.matches("[a-z]{2}_[A-Za-z0-9]+")) {
            return Optional.empty();
        }
        RawRequestOptions.RawRequestOptionsBuilder options = RawRequestOptions.builder();
        account.ifPresent(options::setStripeAccount);
        try {
            var response = stripe.rawRequest(
                    ApiResource.RequestMethod.GET, "/v1/disputes/" + disputeId, null, options.build());
            return snapshot(JSON.readTree(response.body()));
        } catch (StripeException e) {
            throw new IllegalStateException(
                    "Stripe did not answer for dispute " + disputeId + ": " + e.getMessage(), e);
        }
    }

    /** The dispute object as a snapshot; empty when it has no id or a status this version lacks. */
    static Optional<DisputeSnapshot> snapshot(JsonNode object) {
        Optional<String> id = text(object.path("id"));
        Optional<String> intent = text(object.path("payment_intent"))
                .or(() -> text(object.path("payment_intent").path("id")));
        if (id.isEmpty()) {
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
        String reasonName = object.path("reason").asString("general");
        DisputeReason reason = DisputeReason.ofStripe(reasonName).orElseGet(() -> {
            log.warn(
                    "Dispute {} has reason '{}', which this version does not know: kept as general",
                    id.get(),
                    reasonName);
            return DisputeReason.GENERAL;
        });
        JsonNode method = object.path("payment_method_details");
        Optional<String> methodType = text(method.path("type"));
        Optional<String> network = text(method.path("card").path("network"))
                .or(() -> text(method.path("card").path("brand")))
                .or(() -> methodType.filter(type -> !type.equals("card")));
        String charge = text(object.path("charge"))
                .or(() -> text(object.path("charge").path("id")))
                .orElse("");
        return Optional.of(new DisputeSnapshot(
                id.get(),
                charge,
                intent,
                status.get(),
                Money.of(object.path("amount").asLong(0), currency),
                reason,
                dueBy > 0 ? Optional.of(Instant.ofEpochSecond(dueBy)) : Optional.empty(),
                Instant.ofEpochSecond(object.path("created").asLong(0)),
                withdrawal,
                reinstatement,
                network,
                methodType));
    }

    private static Optional<String> currency(JsonNode node) {
        return text(node.path("currency")).map(c -> c.toUpperCase(Locale.ROOT));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }
}
