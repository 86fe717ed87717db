package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SEPA Direct Debit: {@code sepa_debit} PaymentMethods from IBANs, mandates from
 * {@code mandate_data[customer_acceptance]} ({@code GET /v1/mandates/{id}}), and the PaymentIntent staying
 * {@code processing} until the emulator clock passes the test IBAN's settlement time, then succeeding or failing (the
 * disputed IBAN then opens a {@code debit_not_authorized} dispute); EUR only (docs.stripe.com/payments/sepa-debit,
 * /testing#sepa-direct-debit, /api/mandates; stripe.md sections 4 and 8).
 */
final class SepaDebit {

    static final long QUICK_SECONDS = 10;
    static final long DELAYED_SECONDS = 180;

    /** Behaviour of one test IBAN. */
    record Behaviour(long delaySeconds, @Nullable String failureCode, boolean disputed) {}

    static final Map<String, Behaviour> TEST_IBANS = Map.ofEntries(
            Map.entry("DE89370400440532013000", new Behaviour(QUICK_SECONDS, null, false)),
            Map.entry("DE08370400440532013003", new Behaviour(DELAYED_SECONDS, null, false)),
            Map.entry("DE62370400440532013001", new Behaviour(QUICK_SECONDS, "generic_could_not_process", false)),
            Map.entry("DE78370400440532013004", new Behaviour(DELAYED_SECONDS, "generic_could_not_process", false)),
            Map.entry("DE35370400440532013002", new Behaviour(QUICK_SECONDS, null, true)),
            Map.entry("DE65370400440002222227", new Behaviour(QUICK_SECONDS, "insufficient_funds", false)),
            Map.entry("DE27370400440000121212", new Behaviour(QUICK_SECONDS, "charge_exceeds_weekly_limit", false)),
            Map.entry("DE65370400440000343434", new Behaviour(QUICK_SECONDS, "charge_exceeds_source_limit", false)),
            Map.entry("AT611904300234573201", new Behaviour(QUICK_SECONDS, null, false)),
            Map.entry("AT321904300235473204", new Behaviour(DELAYED_SECONDS, null, false)),
            Map.entry("AT861904300235473202", new Behaviour(QUICK_SECONDS, "generic_could_not_process", false)),
            Map.entry("AT591904300235473203", new Behaviour(QUICK_SECONDS, null, true)));

    private static final Map<String, String> FAILURE_MESSAGES = Map.of(
            "generic_could_not_process", "The payment could not be processed by the customer's bank.",
            "insufficient_funds", "The customer's account has insufficient funds to cover this payment.",
            "charge_exceeds_weekly_limit", "The payment exceeds the weekly debit limit of this bank account.",
            "charge_exceeds_source_limit", "The payment exceeds the debit limit of this payment method.");

    private final Engine engine;
    private final PaymentEngine payments;
    private @Nullable DisputeEndpoints disputes;

    SepaDebit(Engine engine, PaymentEngine payments) {
        this.engine = engine;
        this.payments = payments;
        engine.onTimer(Timer.Kind.SEPA_SETTLE, this::settle);
    }

    void disputes(DisputeEndpoints value) {
        this.disputes = value;
    }

    void register(Router router) {
        router.add(
                "GET",
                "/v1/mandates/{id}",
                Set.of(),
                c -> engine.render(c.scope(), engine.require(c.scope(), c.id(), "mandate", "mandate"), c.expand()));
    }

    static boolean isSepa(JsonObject pm) {
        return "sepa_debit".equals(Json.str(pm, "type"));
    }

    /** Validates an IBAN (format and mod-97) and builds the {@code sepa_debit} hash of a PaymentMethod. */
    static JsonObject details(String rawIban) {
        String iban = rawIban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}") || !mod97(iban)) {
            throw ApiError.invalid(
                    "The IBAN you provided (" + rawIban + ") is invalid.",
                    "sepa_debit[iban]",
                    "invalid_bank_account_iban");
        }
        String country = iban.substring(0, 2);
        String bankCode = country.equals("DE") ? iban.substring(4, 12) : iban.substring(4, 9);
        return Json.obj(
                "bank_code",
                bankCode,
                "branch_code",
                "",
                "country",
                country,
                "fingerprint",
                PaymentMethodEndpoints.fingerprint("iban:" + iban),
                "generated_from",
                Json.obj("charge", null, "setup_attempt", null),
                "last4",
                iban.substring(iban.length() - 4));
    }

    private static boolean mod97(String iban) {
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char ch : moved.toCharArray()) {
            digits.append(Character.isDigit(ch) ? String.valueOf(ch) : String.valueOf(ch - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** Confirms a PaymentIntent with a SEPA PaymentMethod: mandate, charge {@code pending}, PI {@code processing}. */
    void confirm(ApiCall c, JsonObject pi, JsonObject pm) {
        if (!"eur".equals(Json.str(pi, "currency"))) {
            throw ApiError.invalid(
                    "The currency provided (" + Json.str(pi, "currency") + ") is invalid. Payments with sepa_debit"
                            + " support the following currencies: eur.",
                    "currency",
                    "payment_intent_invalid_parameter");
        }
        List<String> types = new java.util.ArrayList<>();
        pi.getAsJsonArray("payment_method_types").forEach(e -> types.add(e.getAsString()));
        if (!types.contains("sepa_debit") && pi.get("automatic_payment_methods").isJsonNull()) {
            throw ApiError.invalid(
                    "The PaymentMethod provided (sepa_debit) is not allowed for this PaymentIntent. Please attach a"
                            + " PaymentMethod of one of the following types: " + String.join(", ", types)
                            + ". Alternatively, update the allowed payment_method_types for this PaymentIntent to"
                            + " include \"sepa_debit\".",
                    "payment_method",
                    "payment_intent_invalid_parameter");
        }
        String mandateId = mandate(c, pi, pm);
        JsonObject sepa = Json.requiredChild(pm, "sepa_debit");
        long now = engine.now();
        String iban = Json.str(Engine.internal(pm), "iban");
        Behaviour behaviour = TEST_IBANS.getOrDefault(iban, new Behaviour(QUICK_SECONDS, null, false));
        LocalDate debitDate = Instant.ofEpochSecond(now + behaviour.delaySeconds())
                .atZone(ZoneOffset.UTC)
                .toLocalDate();
        JsonObject charge = new JsonObject();
        charge.addProperty("id", Ids.next("py"));
        charge.addProperty("object", "charge");
        charge.add("amount", pi.get("amount"));
        charge.addProperty("amount_captured", 0);
        charge.addProperty("amount_refunded", 0);
        charge.add("application", null);
        charge.add("application_fee", null);
        charge.add("application_fee_amount", pi.get("application_fee_amount"));
        charge.add("balance_transaction", null);
        charge.add("billing_details", Json.requiredChild(pm, "billing_details").deepCopy());
        charge.add("calculated_statement_descriptor", Json.of("FREIGHTGATE"));
        charge.addProperty("captured", false);
        charge.addProperty("created", now);
        charge.add("currency", pi.get("currency"));
        charge.add("customer", pi.get("customer"));
        charge.add("description", pi.get("description"));
        charge.addProperty("disputed", false);
        charge.add("failure_balance_transaction", null);
        charge.add("failure_code", null);
        charge.add("failure_message", null);
        charge.add("fraud_details", new JsonObject());
        charge.addProperty("livemode", false);
        charge.add("metadata", pi.get("metadata").deepCopy());
        charge.add("on_behalf_of", pi.get("on_behalf_of"));
        charge.add(
                "outcome",
                Json.obj(
                        "advice_code", null,
                        "network_advice_code", null,
                        "network_decline_code", null,
                        "network_status", "approved_by_network",
                        "reason", null,
                        "risk_level", "not_assessed",
                        "rule", null,
                        "seller_message", "Payment complete.",
                        "type", "authorized"));
        charge.addProperty("paid", false);
        charge.addProperty("payment_intent", Json.str(pi, "id"));
        charge.addProperty("payment_method", Json.str(pm, "id"));
        charge.add(
                "payment_method_details",
                Json.obj(
                        "sepa_debit",
                        Json.obj(
                                "bank_code", Json.str(sepa, "bank_code"),
                                "branch_code", Json.str(sepa, "branch_code"),
                                "country", Json.str(sepa, "country"),
                                "expected_debit_date", debitDate.toString(),
                                "fingerprint", Json.str(sepa, "fingerprint"),
                                "last4", Json.str(sepa, "last4"),
                                "mandate", mandateId),
                        "type",
                        "sepa_debit"));
        charge.add("receipt_email", pi.get("receipt_email"));
        charge.add("receipt_number", null);
        charge.add("receipt_url", null);
        charge.addProperty("refunded", false);
        charge.add("review", null);
        charge.add("shipping", pi.get("shipping"));
        charge.add("source_transfer", null);
        charge.add("statement_descriptor", pi.get("statement_descriptor"));
        charge.add("statement_descriptor_suffix", pi.get("statement_descriptor_suffix"));
        charge.addProperty("status", "pending");
        charge.add("transfer_data", pi.get("transfer_data"));
        charge.add("transfer_group", pi.get("transfer_group"));
        Engine.internal(charge).addProperty("iban", iban);
        c.scope().put(charge);
        pi.addProperty("latest_charge", Json.str(charge, "id"));
        pi.add("last_payment_error", null);
        pi.add("next_action", null);
        pi.addProperty("status", "processing");
        engine.schedule(
                now + behaviour.delaySeconds(), c.scope(), Timer.Kind.SEPA_SETTLE, Json.requiredStr(charge, "id"));
        engine.emit(c.scope(), c.call(), "charge.pending", charge, null);
        engine.emit(c.scope(), c.call(), "payment_intent.processing", pi, null);
    }

    private String mandate(ApiCall c, JsonObject pi, JsonObject pm) {
        Params p = c.params();
        String existing = p.string("mandate");
        if (existing != null) {
            JsonObject m = engine.require(c.scope(), existing, "mandate", "mandate");
            if (!Json.requiredStr(pm, "id").equals(Json.str(m, "payment_method"))
                    || !"active".equals(Json.str(m, "status"))) {
                throw ApiError.invalid(
                        "The mandate " + existing + " is not an active mandate of this PaymentMethod.",
                        "mandate",
                        null);
            }
            return existing;
        }
        Params data = p.nested("mandate_data");
        Params acceptance = data == null ? null : data.nested("customer_acceptance");
        if (acceptance == null) {
            throw ApiError.invalid(
                    "A mandate is required to confirm a PaymentIntent with a sepa_debit PaymentMethod: provide"
                            + " mandate_data[customer_acceptance] (or an existing mandate).",
                    "mandate_data",
                    "parameter_missing");
        }
        String type = acceptance.requiredString("type");
        JsonObject ca = Json.obj(
                "accepted_at",
                acceptance.has("accepted_at") ? acceptance.requiredLong("accepted_at") : engine.now(),
                "type",
                type);
        if (type.equals("online")) {
            Params online = acceptance.nested("online");
            if (online == null) {
                throw ApiError.missingParam("mandate_data[customer_acceptance][online]");
            }
            ca.add(
                    "online",
                    Json.obj(
                            "ip_address", online.requiredString("ip_address"),
                            "user_agent", online.requiredString("user_agent")));
        } else if (type.equals("offline")) {
            ca.add("offline", new JsonObject());
        } else {
            throw ApiError.invalid(
                    "Invalid mandate_data[customer_acceptance][type]: must be one of offline or online",
                    "mandate_data[customer_acceptance][type]",
                    null);
        }
        boolean multi = Json.str(pi, "setup_future_usage") != null;
        String id = "mandate_" + Ids.random(24);
        JsonObject m = Json.obj(
                "id",
                id,
                "object",
                "mandate",
                "customer_acceptance",
                ca,
                "livemode",
                false,
                "on_behalf_of",
                null,
                "payment_method",
                Json.str(pm, "id"),
                "payment_method_details",
                Json.obj(
                        "sepa_debit",
                        Json.obj("reference", Ids.random(16).toUpperCase(Locale.ROOT), "url", ""),
                        "type",
                        "sepa_debit"),
                "status",
                "active",
                "type",
                multi ? "multi_use" : "single_use");
        if (multi) {
            m.add("multi_use", new JsonObject());
        } else {
            m.add("single_use", Json.obj("amount", Json.num(pi, "amount"), "currency", Json.str(pi, "currency")));
        }
        c.scope().put(m);
        return id;
    }

    private void settle(Scope scope, Timer timer, Engine.Call call) {
        JsonObject charge = scope.find(timer.objectId());
        if (charge == null || !"pending".equals(Json.str(charge, "status"))) {
            return;
        }
        JsonObject pi = scope.find(Json.str(charge, "payment_intent"));
        String iban = Json.str(Engine.internal(charge), "iban");
        Behaviour behaviour = TEST_IBANS.getOrDefault(iban, new Behaviour(QUICK_SECONDS, null, false));
        long amount = Json.num(charge, "amount");
        if (behaviour.failureCode() != null) {
            charge.addProperty("status", "failed");
            charge.addProperty("failure_code", behaviour.failureCode());
            charge.addProperty("failure_message", FAILURE_MESSAGES.get(behaviour.failureCode()));
            JsonObject error = Json.obj(
                    "type",
                    "card_error",
                    "code",
                    behaviour.failureCode(),
                    "message",
                    FAILURE_MESSAGES.get(behaviour.failureCode()),
                    "charge",
                    Json.str(charge, "id"),
                    "payment_method_type",
                    "sepa_debit",
                    "doc_url",
                    ApiError.DOCS + behaviour.failureCode().replace('_', '-'));
            if (pi != null) {
                pi.add("last_payment_error", error);
                pi.add("payment_method", null);
                pi.addProperty("status", "requires_payment_method");
            }
            engine.emit(scope, call, "charge.failed", charge, null);
            if (pi != null) {
                engine.emit(scope, call, "payment_intent.payment_failed", pi, null);
            }
            return;
        }
        charge.addProperty("status", "succeeded");
        charge.addProperty("paid", true);
        charge.addProperty("captured", true);
        charge.addProperty("amount_captured", amount);
        JsonObject txn = payments.chargeTransaction(scope, charge, amount);
        charge.addProperty("balance_transaction", Json.str(txn, "id"));
        payments.notifySettled(scope, call, charge, txn);
        if (pi != null) {
            pi.addProperty("status", "succeeded");
            pi.addProperty("amount_received", amount);
        }
        engine.emit(scope, call, "charge.succeeded", charge, null);
        if (pi != null) {
            engine.emit(scope, call, "payment_intent.succeeded", pi, null);
        }
        if (behaviour.disputed() && disputes != null) {
            disputes.open(scope, call, charge, "debit_not_authorized", "sepa_debit", false, amount, false);
        }
    }
}
