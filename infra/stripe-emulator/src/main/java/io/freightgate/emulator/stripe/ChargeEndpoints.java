package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/charges}, {@code /v1/refunds}, {@code /v1/balance_transactions} and {@code /v1/reviews}
 * (docs.stripe.com/api/charges, /api/refunds, /api/balance_transactions, /api/radar/reviews, /testing#refunds).
 */
final class ChargeEndpoints {

    static final long REFUND_TRANSITION_SECONDS = 60;

    private final Engine engine;
    private final PaymentEngine payments;
    private @Nullable DisputeEndpoints disputes;
    private @Nullable TransferEndpoints transfers;

    void connect(DisputeEndpoints disputeEndpoints, TransferEndpoints transferEndpoints) {
        this.disputes = disputeEndpoints;
        this.transfers = transferEndpoints;
    }

    ChargeEndpoints(Engine engine, PaymentEngine payments) {
        this.engine = engine;
        this.payments = payments;
        engine.onTimer(Timer.Kind.REFUND_SETTLE, this::settleRefund);
        engine.onTimer(Timer.Kind.REFUND_FAIL, this::failRefund);
    }

    void register(Router router) {
        Set<String> listParams = Set.of("limit", "starting_after", "ending_before", "created");
        router.add("GET", "/v1/charges/{id}", Set.of(), c -> render(c, charge(c.scope(), c.id(), "charge")));
        router.add(
                "POST",
                "/v1/charges/{id}",
                Set.of(
                        "description",
                        "metadata",
                        "receipt_email",
                        "shipping",
                        "fraud_details",
                        "transfer_group",
                        "customer"),
                this::updateCharge);
        router.add(
                "GET",
                "/v1/charges",
                plus(listParams, "customer", "payment_intent", "transfer_group"),
                this::listCharges);
        router.add("GET", "/v1/charges/{id}/refunds", Set.of("limit", "starting_after", "ending_before"), c -> {
            charge(c.scope(), c.id(), "charge");
            return engine.list(c.scope(), "/v1/charges/" + c.id() + "/refunds", refundsOf(c, c.id(), null), c.params());
        });
        router.add(
                "POST",
                "/v1/refunds",
                Set.of(
                        "charge",
                        "payment_intent",
                        "amount",
                        "reason",
                        "metadata",
                        "refund_application_fee",
                        "reverse_transfer",
                        "instructions_email",
                        "origin",
                        "currency",
                        "customer"),
                this::createRefund);
        router.add(
                "GET",
                "/v1/refunds/{id}",
                Set.of(),
                c -> render(c, engine.require(c.scope(), c.id(), "refund", "refund")));
        router.add("POST", "/v1/refunds/{id}", Set.of("metadata"), this::updateRefund);
        router.add(
                "GET",
                "/v1/refunds",
                plus(listParams, "charge", "payment_intent"),
                c -> engine.list(
                        c.scope(),
                        "/v1/refunds",
                        refundsOf(c, c.params().string("charge"), c.params().string("payment_intent")),
                        c.params()));
        router.add(
                "GET",
                "/v1/balance_transactions/{id}",
                Set.of(),
                c -> render(c, engine.require(c.scope(), c.id(), "balance_transaction", "id")));
        router.add(
                "GET",
                "/v1/balance_transactions",
                plus(listParams, "source", "type", "currency", "payout"),
                this::listTransactions);
        router.add(
                "GET",
                "/v1/reviews/{id}",
                Set.of(),
                c -> render(c, engine.require(c.scope(), c.id(), "review", "review")));
        router.add(
                "GET",
                "/v1/reviews",
                listParams,
                c -> engine.list(
                        c.scope(),
                        "/v1/reviews",
                        c.scope().ofType("review").stream()
                                .filter(r -> Json.bool(r, "open"))
                                .toList(),
                        c.params()));
        router.add("POST", "/v1/reviews/{id}/approve", Set.of(), c -> {
            JsonObject review = engine.require(c.scope(), c.id(), "review", "review");
            if (!Json.bool(review, "open")) {
                throw ApiError.state("review_already_closed", "This review is already closed.", null);
            }
            payments.closeReview(c.scope(), c.call(), c.id(), "approved");
            return render(c, review);
        });
    }

    private static Set<String> plus(Set<String> base, String... more) {
        var all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private JsonObject render(ApiCall c, JsonObject o) {
        return engine.render(c.scope(), o, c.expand());
    }

    private JsonObject charge(Scope scope, String id, String param) {
        return engine.require(scope, id, "charge", param);
    }

    private JsonObject updateCharge(ApiCall c) {
        JsonObject charge = charge(c.scope(), c.id(), "charge");
        JsonObject before = charge.deepCopy();
        Params p = c.params();
        for (String field : List.of("description", "receipt_email", "transfer_group", "customer")) {
            if (p.has(field)) {
                String v = p.string(field);
                charge.add(field, Json.of(v == null || v.isEmpty() ? null : v));
            }
        }
        if (p.has("fraud_details")) {
            Params fraudDetails = p.nested("fraud_details");
            String report = fraudDetails == null ? null : fraudDetails.string("user_report");
            JsonObject fd = Json.requiredChild(charge, "fraud_details");
            if (report == null || report.isEmpty()) {
                fd.remove("user_report");
            } else {
                fd.addProperty("user_report", report);
            }
        }
        p.applyMetadata(charge);
        JsonObject prev = Engine.previousAttributes(before, charge);
        if (!prev.isEmpty()) {
            engine.emit(c.scope(), c.call(), "charge.updated", charge, prev);
        }
        return render(c, charge);
    }

    private JsonObject listCharges(ApiCall c) {
        Params p = c.params();
        String customer = p.string("customer");
        String pi = p.string("payment_intent");
        String group = p.string("transfer_group");
        List<JsonObject> items = c.scope().ofType("charge").stream()
                .filter(o -> customer == null || customer.equals(Json.str(o, "customer")))
                .filter(o -> pi == null || pi.equals(Json.str(o, "payment_intent")))
                .filter(o -> group == null || group.equals(Json.str(o, "transfer_group")))
                .toList();
        return engine.list(c.scope(), "/v1/charges", items, p);
    }

    private List<JsonObject> refundsOf(ApiCall c, @Nullable String charge, @Nullable String pi) {
        return c.scope().ofType("refund").stream()
                .filter(o -> charge == null || charge.equals(Json.str(o, "charge")))
                .filter(o -> pi == null || pi.equals(Json.str(o, "payment_intent")))
                .toList();
    }

    private JsonObject listTransactions(ApiCall c) {
        Params p = c.params();
        String source = p.string("source");
        String type = p.string("type");
        String currency = p.string("currency");
        String payout = p.string("payout");
        List<JsonObject> items = c.scope().ofType("balance_transaction").stream()
                .filter(o -> source == null || source.equals(Json.str(o, "source")))
                .filter(o -> type == null || type.equals(Json.str(o, "type")))
                .filter(o -> currency == null || currency.equals(Json.str(o, "currency")))
                .filter(o -> payout == null || payout.equals(Json.str(Engine.internal(o), "payout")))
                .toList();
        return engine.list(c.scope(), "/v1/balance_transactions", items, p);
    }

    // ---------------------------------------------------------------- refunds

    private JsonObject createRefund(ApiCall c) {
        Params p = c.params();
        String chargeId = p.string("charge");
        String piId = p.string("payment_intent");
        if (chargeId == null && piId == null) {
            throw ApiError.invalid(
                    "One of the following params should be provided for this request: payment_intent or charge.",
                    null,
                    "parameter_missing");
        }
        JsonObject charge;
        if (chargeId != null) {
            charge = charge(c.scope(), chargeId, "charge");
        } else {
            JsonObject pi = engine.require(c.scope(), piId, "payment_intent", "payment_intent");
            String latest = Json.str(pi, "latest_charge");
            if (latest == null || !"succeeded".equals(Json.str(pi, "status"))) {
                throw ApiError.state(
                        "charge_not_refundable",
                        "This PaymentIntent does not have a successful charge to refund.",
                        "payment_intent");
            }
            charge = charge(c.scope(), latest, "payment_intent");
        }
        String reason = p.string("reason");
        if (reason != null
                && !Set.of("duplicate", "fraudulent", "requested_by_customer").contains(reason)) {
            throw ApiError.invalid(
                    "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason", null);
        }
        if (!"succeeded".equals(Json.str(charge, "status")) || !Json.bool(charge, "captured")) {
            throw ApiError.state(
                    "charge_not_refundable",
                    "Charge " + Json.str(charge, "id") + " has not been captured; cancel its PaymentIntent instead.",
                    "charge");
        }
        DisputeEndpoints.checkRefundable(c.scope(), charge);
        long remaining = Json.num(charge, "amount_captured") - Json.num(charge, "amount_refunded");
        if (remaining <= 0) {
            throw ApiError.state(
                    "charge_already_refunded",
                    "Charge " + Json.str(charge, "id") + " has already been refunded.",
                    "charge");
        }
        Long requested = p.longValue("amount");
        long amount = requested == null ? remaining : requested;
        if (amount < 1) {
            throw ApiError.invalid("This value must be greater than or equal to 1.", "amount", null);
        }
        if (amount > remaining) {
            throw ApiError.invalid(
                    "Refund amount (" + amount + ") is greater than unrefunded amount on charge (" + remaining + ")",
                    "amount",
                    "amount_too_large");
        }
        TestCard card =
                TestCards.byNumber(Json.str(Engine.internal(charge), "number")).orElse(null);
        TestCard.RefundBehaviour behaviour = card == null ? TestCard.RefundBehaviour.NORMAL : card.refund();
        String currency = Json.requiredStr(charge, "currency");
        JsonObject refund = Json.obj(
                "id",
                Ids.next("re"),
                "object",
                "refund",
                "amount",
                amount,
                "balance_transaction",
                null,
                "charge",
                Json.str(charge, "id"),
                "created",
                engine.now(),
                "currency",
                currency,
                "destination_details",
                Json.obj(
                        "card",
                        Json.obj(
                                "reference",
                                null,
                                "reference_status",
                                "pending",
                                "reference_type",
                                "acquirer_reference_number",
                                "type",
                                "refund"),
                        "type",
                        "card"),
                "metadata",
                new JsonObject(),
                "payment_intent",
                Json.str(charge, "payment_intent"),
                "reason",
                reason,
                "receipt_number",
                null,
                "source_transfer_reversal",
                null,
                "status",
                behaviour == TestCard.RefundBehaviour.PENDING_THEN_SUCCEEDS ? "pending" : "succeeded",
                "transfer_reversal",
                null);
        p.applyMetadata(refund);
        JsonObject txn = payments.transaction(
                c.scope(),
                Json.requiredStr(refund, "id"),
                "refund",
                "refund",
                -amount,
                0,
                currency,
                "REFUND FOR CHARGE",
                false);
        refund.addProperty("balance_transaction", Json.str(txn, "id"));
        c.scope().put(refund);
        JsonObject before = charge.deepCopy();
        charge.addProperty("amount_refunded", Json.num(charge, "amount_refunded") + amount);
        charge.addProperty("refunded", Json.num(charge, "amount_refunded") >= Json.num(charge, "amount_captured"));
        if (behaviour == TestCard.RefundBehaviour.PENDING_THEN_SUCCEEDS) {
            engine.schedule(
                    engine.now() + REFUND_TRANSITION_SECONDS,
                    c.scope(),
                    Timer.Kind.REFUND_SETTLE,
                    Json.requiredStr(refund, "id"));
        } else if (behaviour == TestCard.RefundBehaviour.SUCCEEDS_THEN_FAILS) {
            engine.schedule(
                    engine.now() + REFUND_TRANSITION_SECONDS,
                    c.scope(),
                    Timer.Kind.REFUND_FAIL,
                    Json.requiredStr(refund, "id"));
        }
        if (p.flag("reverse_transfer") && transfers != null) {
            Objects.requireNonNull(transfers, "connect(...) wires the transfers at start-up")
                    .reverseForRefund(c.scope(), c.call(), charge, amount);
        }
        engine.emit(c.scope(), c.call(), "refund.created", refund, null);
        engine.emit(c.scope(), c.call(), "charge.refunded", charge, Engine.previousAttributes(before, charge));
        if (disputes != null) {
            Objects.requireNonNull(disputes, "connect(...) wires the disputes at start-up")
                    .refunded(c.scope(), c.call(), charge);
        }
        String review = Json.str(charge, "review");
        if (review != null) {
            payments.closeReview(c.scope(), c.call(), review, "refunded");
        }
        return render(c, refund);
    }

    private JsonObject updateRefund(ApiCall c) {
        JsonObject refund = engine.require(c.scope(), c.id(), "refund", "refund");
        JsonObject before = refund.deepCopy();
        c.params().applyMetadata(refund);
        JsonObject prev = Engine.previousAttributes(before, refund);
        if (!prev.isEmpty()) {
            engine.emit(c.scope(), c.call(), "refund.updated", refund, prev);
            engine.emit(c.scope(), c.call(), "charge.refund.updated", refund, prev);
        }
        return render(c, refund);
    }

    private void settleRefund(Scope scope, Timer timer, Engine.Call call) {
        JsonObject refund = scope.find(timer.objectId());
        if (refund == null || !"pending".equals(Json.str(refund, "status"))) {
            return;
        }
        JsonObject before = refund.deepCopy();
        refund.addProperty("status", "succeeded");
        JsonObject prev = Engine.previousAttributes(before, refund);
        engine.emit(scope, call, "refund.updated", refund, prev);
        engine.emit(scope, call, "charge.refund.updated", refund, prev);
    }

    private void failRefund(Scope scope, Timer timer, Engine.Call call) {
        JsonObject refund = scope.find(timer.objectId());
        if (refund == null || !"succeeded".equals(Json.str(refund, "status"))) {
            return;
        }
        JsonObject before = refund.deepCopy();
        long amount = Json.num(refund, "amount");
        JsonObject txn = payments.transaction(
                scope,
                Json.requiredStr(refund, "id"),
                "refund_failure",
                "refund_failure",
                amount,
                0,
                Json.requiredStr(refund, "currency"),
                "REFUND FAILURE",
                false);
        refund.addProperty("status", "failed");
        refund.addProperty("failure_reason", "expired_or_canceled_card");
        refund.addProperty("failure_balance_transaction", Json.str(txn, "id"));
        JsonObject charge = scope.find(Json.str(refund, "charge"));
        if (charge != null) {
            charge.addProperty("amount_refunded", Json.num(charge, "amount_refunded") - amount);
            charge.addProperty("refunded", false);
        }
        JsonObject prev = Engine.previousAttributes(before, refund);
        engine.emit(scope, call, "refund.updated", refund, prev);
        engine.emit(scope, call, "charge.refund.updated", refund, prev);
        engine.emit(scope, call, "refund.failed", refund, null);
    }
}
