package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/transfers} (separate charges and transfers, {@code source_transaction}, {@code transfer_group}), transfer
 * reversals, destination charges ({@code transfer_data[destination]}), application fees
 * (docs.stripe.com/api/transfers, /api/transfer_reversals, /api/application_fees, /connect/separate-charges-and-transfers,
 * /connect/destination-charges, /connect/direct-charges; stripe.md section 3).
 */
final class TransferEndpoints {

    private final Engine engine;
    private final PaymentEngine payments;
    private final ConnectEndpoints connect;

    TransferEndpoints(Engine engine, PaymentEngine payments, ConnectEndpoints connect) {
        this.engine = engine;
        this.payments = payments;
        this.connect = connect;
        payments.onChargeSettled(this::chargeSettled);
        engine.onRender("transfer", (scope, t) -> {
            String id = Json.requiredStr(t, "id");
            List<JsonObject> reversals = scope.ofType("transfer_reversal").stream()
                    .filter(r -> id.equals(Json.str(r, "transfer")))
                    .toList();
            JsonArray data = new JsonArray();
            reversals.forEach(r -> data.add(engine.render(scope, r, List.of())));
            t.add(
                    "reversals",
                    Json.obj(
                            "object",
                            "list",
                            "data",
                            data,
                            "has_more",
                            false,
                            "url",
                            "/v1/transfers/" + id + "/reversals"));
        });
        engine.onRender(
                "application_fee",
                (scope, f) -> f.add(
                        "refunds",
                        Json.obj(
                                "object",
                                "list",
                                "data",
                                new JsonArray(),
                                "has_more",
                                false,
                                "url",
                                "/v1/application_fees/" + Json.str(f, "id") + "/refunds")));
    }

    void register(Router router) {
        Set<String> listParams = Set.of("limit", "starting_after", "ending_before", "created");
        router.add(
                "POST",
                "/v1/transfers",
                Set.of(
                        "amount",
                        "currency",
                        "destination",
                        "source_transaction",
                        "transfer_group",
                        "description",
                        "metadata",
                        "source_type"),
                this::create);
        router.add("GET", "/v1/transfers/{id}", Set.of(), c -> render(c, transfer(c.scope(), c.id())));
        router.add("POST", "/v1/transfers/{id}", Set.of("description", "metadata"), this::update);
        router.add("GET", "/v1/transfers", plus(listParams, "destination", "transfer_group"), c -> {
            String destination = c.params().string("destination");
            String group = c.params().string("transfer_group");
            List<JsonObject> items = c.scope().ofType("transfer").stream()
                    .filter(t -> destination == null || destination.equals(Json.str(t, "destination")))
                    .filter(t -> group == null || group.equals(Json.str(t, "transfer_group")))
                    .toList();
            return engine.list(c.scope(), "/v1/transfers", items, c.params());
        });
        router.add(
                "POST",
                "/v1/transfers/{id}/reversals",
                Set.of("amount", "description", "metadata", "refund_application_fee"),
                this::reverse);
        router.add("GET", "/v1/transfers/{id}/reversals", Set.of("limit", "starting_after", "ending_before"), c -> {
            transfer(c.scope(), c.id());
            List<JsonObject> items = c.scope().ofType("transfer_reversal").stream()
                    .filter(r -> c.id().equals(Json.str(r, "transfer")))
                    .toList();
            return engine.list(c.scope(), "/v1/transfers/" + c.id() + "/reversals", items, c.params());
        });
        router.add("GET", "/v1/transfers/{id}/reversals/{rid}", Set.of(), c -> {
            transfer(c.scope(), c.id());
            return render(c, engine.require(c.scope(), c.vars().get(1), "transfer_reversal", "id"));
        });
        router.add(
                "GET",
                "/v1/application_fees/{id}",
                Set.of(),
                c -> render(c, engine.require(c.scope(), c.id(), "application_fee", "id")));
        router.add("GET", "/v1/application_fees", plus(listParams, "charge"), c -> {
            String charge = c.params().string("charge");
            List<JsonObject> items = c.scope().ofType("application_fee").stream()
                    .filter(f -> charge == null || charge.equals(Json.str(f, "charge")))
                    .toList();
            return engine.list(c.scope(), "/v1/application_fees", items, c.params());
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

    private JsonObject transfer(Scope scope, String id) {
        return engine.require(scope, id, "transfer", "transfer");
    }

    /** The destination account, refusing accounts without an active {@code transfers} capability. */
    JsonObject destination(Scope scope, String id, String param) {
        JsonObject account;
        try {
            account = connect.account(scope, id, param);
        } catch (ApiError e) {
            throw ApiError.invalid("No such destination: '" + id + "'", param, "resource_missing");
        }
        if (!"active".equals(ConnectEndpoints.capabilityStatus(account, "transfers"))) {
            throw ApiError.invalid(
                    "Your destination account needs to have at least one of the following capabilities enabled:"
                            + " transfers, crypto_transfers, legacy_payments",
                    param,
                    "insufficient_capabilities_for_transfer");
        }
        return account;
    }

    // ---------------------------------------------------------------- transfers

    private JsonObject create(ApiCall c) {
        Params p = c.params();
        if (c.scope().account() != null) {
            throw ApiError.invalid(
                    "Transfers are created by the platform (without Stripe-Account) in this emulator.", null, null);
        }
        long amount = p.requiredLong("amount");
        String currency = p.requiredString("currency").toLowerCase(Locale.ROOT);
        String destinationId = p.requiredString("destination");
        if (amount < 1) {
            throw ApiError.invalid("This value must be greater than or equal to 1.", "amount", null);
        }
        destination(c.scope(), destinationId, "destination");
        String sourceTransaction = p.string("source_transaction");
        long availableOn = engine.now();
        if (sourceTransaction != null) {
            JsonObject charge = engine.require(c.scope(), sourceTransaction, "charge", "source_transaction");
            if (!Json.bool(charge, "captured") || !"succeeded".equals(Json.str(charge, "status"))) {
                throw ApiError.invalid(
                        "The source_transaction " + sourceTransaction + " has not succeeded or is not captured.",
                        "source_transaction",
                        null);
            }
            if (!currency.equals(Json.str(charge, "currency"))) {
                throw ApiError.invalid(
                        "The currency of source_transaction's balance transaction ("
                                + Json.str(charge, "currency") + ") must be the same as the transfer currency ("
                                + currency + ")",
                        "currency",
                        null);
            }
            long transferred = c.scope().ofType("transfer").stream()
                    .filter(t -> sourceTransaction.equals(Json.str(t, "source_transaction")))
                    .mapToLong(t -> Json.num(t, "amount") - Json.num(t, "amount_reversed"))
                    .sum();
            long left = Json.num(charge, "amount_captured") - Json.num(charge, "amount_refunded") - transferred;
            if (amount > left) {
                throw ApiError.invalid(
                        "Insufficient funds in the source_transaction: transfer amount (" + amount
                                + ") exceeds what is left to transfer from " + sourceTransaction + " (" + left + ").",
                        "amount",
                        "balance_insufficient");
            }
            JsonObject txn = c.scope().find(Json.str(charge, "balance_transaction"));
            if (txn != null) {
                availableOn = Math.max(availableOn, Json.num(txn, "available_on"));
            }
        } else if (Ledger.available(c.scope(), currency) < amount) {
            throw ApiError.state(
                    "balance_insufficient",
                    "You have insufficient available funds in your Stripe account. Try adding funds directly to your"
                            + " available balance by creating Charges using the 4000000000000077 test card.",
                    "amount");
        }
        JsonObject t = newTransfer(
                c.scope(),
                c.call(),
                amount,
                currency,
                destinationId,
                sourceTransaction,
                p.string("transfer_group"),
                p.string("description"),
                availableOn,
                0);
        p.applyMetadata(t);
        return render(c, t);
    }

    private JsonObject newTransfer(
            Scope platform,
            Engine.Call call,
            long amount,
            String currency,
            String destination,
            @Nullable String sourceTransaction,
            @Nullable String group,
            @Nullable String description,
            long availableOn,
            long applicationFee) {
        String id = Ids.next("tr");
        JsonObject txn = payments.transaction(
                platform, id, "transfer", "transfer", -amount, 0, new JsonArray(), currency, description, availableOn);
        Scope connected = engine.scope(platform.apiKey(), destination);
        String paymentId = "py_" + Ids.random(24);
        JsonArray feeDetails = new JsonArray();
        if (applicationFee > 0) {
            feeDetails.add(PaymentEngine.feeDetail(applicationFee, currency, "Application fee", "application_fee"));
        }
        JsonObject paymentTxn = payments.transaction(
                connected,
                paymentId,
                "payment",
                "charge",
                amount,
                applicationFee,
                feeDetails,
                currency,
                null,
                availableOn);
        JsonObject payment = Json.obj(
                "id",
                paymentId,
                "object",
                "charge",
                "amount",
                amount,
                "amount_captured",
                amount,
                "amount_refunded",
                0,
                "application_fee_amount",
                applicationFee > 0 ? applicationFee : null,
                "balance_transaction",
                Json.str(paymentTxn, "id"),
                "captured",
                true,
                "created",
                engine.now(),
                "currency",
                currency,
                "description",
                description,
                "disputed",
                false,
                "livemode",
                false,
                "metadata",
                new JsonObject(),
                "paid",
                true,
                "refunded",
                false,
                "source_transfer",
                id,
                "status",
                "succeeded");
        connected.put(payment);
        JsonObject t = Json.obj(
                "id",
                id,
                "object",
                "transfer",
                "amount",
                amount,
                "amount_reversed",
                0,
                "balance_transaction",
                Json.str(txn, "id"),
                "created",
                engine.now(),
                "currency",
                currency,
                "description",
                description,
                "destination",
                destination,
                "destination_payment",
                paymentId,
                "livemode",
                false,
                "metadata",
                new JsonObject(),
                "reversed",
                false,
                "source_transaction",
                sourceTransaction,
                "source_type",
                "card",
                "transfer_group",
                group);
        platform.put(t);
        engine.emit(platform, call, "transfer.created", t, null);
        return t;
    }

    private JsonObject update(ApiCall c) {
        JsonObject t = transfer(c.scope(), c.id());
        JsonObject before = t.deepCopy();
        if (c.params().has("description")) {
            t.add("description", Json.of(c.params().string("description")));
        }
        c.params().applyMetadata(t);
        JsonObject prev = Engine.previousAttributes(before, t);
        if (!prev.isEmpty()) {
            engine.emit(c.scope(), c.call(), "transfer.updated", t, prev);
        }
        return render(c, t);
    }

    // ---------------------------------------------------------------- reversals

    private JsonObject reverse(ApiCall c) {
        JsonObject t = transfer(c.scope(), c.id());
        Long requested = c.params().longValue("amount");
        long left = Json.num(t, "amount") - Json.num(t, "amount_reversed");
        long amount = requested == null ? left : requested;
        if (left <= 0) {
            throw ApiError.state(
                    "transfer_already_reversed", "Transfer " + c.id() + " has already been fully reversed.", null);
        }
        if (amount < 1 || amount > left) {
            throw ApiError.invalid(
                    "Reversal amount (" + amount + ") must be between 1 and the unreversed amount (" + left + ").",
                    "amount",
                    "amount_too_large");
        }
        JsonObject r = reversal(c.scope(), c.call(), t, amount, c.params().string("description"));
        c.params().applyMetadata(r);
        return render(c, r);
    }

    private JsonObject reversal(
            Scope platform, Engine.Call call, JsonObject t, long amount, @Nullable String description) {
        String currency = Json.requiredStr(t, "currency");
        String destination = Json.str(t, "destination");
        Scope connected = engine.scope(platform.apiKey(), destination);
        if (Ledger.total(connected, currency) < amount) {
            throw ApiError.state(
                    "balance_insufficient",
                    "Insufficient funds in the destination account " + destination + " to reverse " + amount + " "
                            + currency + ".",
                    "amount");
        }
        String id = Ids.next("trr");
        // a reversal takes back funds in the state they are in: still pending if the transfer's funds are pending
        JsonObject original = platform.find(Json.str(t, "balance_transaction"));
        long availableOn = Math.max(engine.now(), original == null ? 0 : Json.num(original, "available_on"));
        JsonObject txn = payments.transaction(
                platform,
                id,
                "transfer_refund",
                "transfer_reversal",
                amount,
                0,
                new JsonArray(),
                currency,
                description == null ? "REFUND FOR TRANSFER" : description,
                availableOn);
        String refundId = "pyr_" + Ids.random(24);
        JsonObject refundTxn = payments.transaction(
                connected,
                refundId,
                "payment_refund",
                "refund",
                -amount,
                0,
                new JsonArray(),
                currency,
                "REFUND FOR PAYMENT",
                availableOn);
        // the refund of the destination payment is an object of the connected account, as at Stripe
        connected.put(Json.obj(
                "id",
                refundId,
                "object",
                "refund",
                "amount",
                amount,
                "balance_transaction",
                Json.str(refundTxn, "id"),
                "charge",
                Json.str(t, "destination_payment"),
                "created",
                engine.now(),
                "currency",
                currency,
                "metadata",
                new JsonObject(),
                "payment_intent",
                null,
                "reason",
                null,
                "status",
                "succeeded",
                "transfer_reversal",
                id));
        JsonObject r = Json.obj(
                "id",
                id,
                "object",
                "transfer_reversal",
                "amount",
                amount,
                "balance_transaction",
                Json.str(txn, "id"),
                "created",
                engine.now(),
                "currency",
                currency,
                "destination_payment_refund",
                refundId,
                "metadata",
                new JsonObject(),
                "source_refund",
                null,
                "transfer",
                Json.str(t, "id"));
        platform.put(r);
        JsonObject before = t.deepCopy();
        t.addProperty("amount_reversed", Json.num(t, "amount_reversed") + amount);
        t.addProperty("reversed", Json.num(t, "amount_reversed") >= Json.num(t, "amount"));
        engine.emit(platform, call, "transfer.reversed", t, Engine.previousAttributes(before, t));
        return r;
    }

    /** {@code reverse_transfer=true} on a refund of a destination charge: a proportional reversal. */
    void reverseForRefund(Scope scope, Engine.Call call, JsonObject charge, long refundAmount) {
        String transferId = Json.str(charge, "transfer");
        JsonObject t = transferId == null ? null : scope.find(transferId);
        if (t == null) {
            throw ApiError.invalid(
                    "reverse_transfer can only be used for charges with a transfer (destination charges).",
                    "reverse_transfer",
                    null);
        }
        long amount = Json.num(t, "amount") * refundAmount / Math.max(1, Json.num(charge, "amount"));
        amount = Math.min(amount, Json.num(t, "amount") - Json.num(t, "amount_reversed"));
        if (amount > 0) {
            reversal(scope, call, t, amount, null);
        }
    }

    // ---------------------------------------------------------------- destination charges and application fees

    private void chargeSettled(Scope scope, Engine.Call call, JsonObject charge, JsonObject chargeTxn) {
        long captured = Json.num(charge, "amount_captured");
        String currency = Json.requiredStr(charge, "currency");
        JsonElement feeElement = charge.get("application_fee_amount");
        long appFee = feeElement == null || feeElement.isJsonNull() ? 0 : feeElement.getAsLong();
        JsonObject transferData = Json.child(charge, "transfer_data");
        long availableOn = Json.num(chargeTxn, "available_on");
        if (scope.account() == null && transferData != null && Json.str(transferData, "destination") != null) {
            String destination = Json.requiredStr(transferData, "destination");
            JsonElement fixed = transferData.get("amount");
            long amount = fixed == null || fixed.isJsonNull() ? captured : Math.min(captured, fixed.getAsLong());
            JsonObject t = newTransfer(
                    scope,
                    call,
                    amount,
                    currency,
                    destination,
                    Json.str(charge, "id"),
                    Json.str(charge, "transfer_group"),
                    null,
                    availableOn,
                    fixed == null || fixed.isJsonNull() ? appFee : 0);
            charge.addProperty("transfer", Json.str(t, "id"));
            if (appFee > 0 && (fixed == null || fixed.isJsonNull())) {
                JsonObject fee = applicationFee(scope, call, charge, destination, appFee, availableOn);
                charge.addProperty("application_fee", Json.str(fee, "id"));
            }
        } else if (scope.account() != null && appFee > 0) {
            // direct charge: the fee (already in the charge's fee_details) is credited to the platform
            JsonObject fee = applicationFee(engine.platform(scope), call, charge, scope.account(), appFee, availableOn);
            charge.addProperty("application_fee", Json.str(fee, "id"));
        }
    }

    private JsonObject applicationFee(
            Scope platform, Engine.Call call, JsonObject charge, String account, long amount, long availableOn) {
        String id = Ids.next("fee");
        String currency = Json.requiredStr(charge, "currency");
        JsonObject txn = payments.transaction(
                platform,
                id,
                "application_fee",
                "platform_earning",
                amount,
                0,
                new JsonArray(),
                currency,
                null,
                availableOn);
        JsonObject fee = Json.obj(
                "id",
                id,
                "object",
                "application_fee",
                "account",
                account,
                "amount",
                amount,
                "amount_refunded",
                0,
                "application",
                "ca_freightgate_emulator",
                "balance_transaction",
                Json.str(txn, "id"),
                "charge",
                Json.str(charge, "id"),
                "created",
                engine.now(),
                "currency",
                currency,
                "fee_source",
                Json.obj("charge", Json.str(charge, "id"), "type", "charge"),
                "livemode",
                false,
                "originating_transaction",
                null,
                "refunded",
                false);
        platform.put(fee);
        engine.emit(platform, call, "application_fee.created", fee, null);
        return fee;
    }
}
