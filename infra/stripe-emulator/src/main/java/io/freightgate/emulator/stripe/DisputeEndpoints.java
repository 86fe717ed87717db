package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Disputes ({@code /v1/disputes}: retrieve, list, evidence updates with Stripe's limits, submit once, close) opened by
 * the dispute test cards, the disputed SEPA IBAN or the control API, with their events and balance transactions;
 * outcomes by the {@code winning_evidence}/{@code losing_evidence} convention or the control API; early fraud warnings
 * ({@code /v1/radar/early_fraud_warnings}) (docs.stripe.com/api/disputes, /disputes/api, /testing#disputes,
 * /api/radar/early_fraud_warnings; stripe.md sections 6 and 7).
 */
final class DisputeEndpoints {

    static final List<String> REASONS = List.of(
            "bank_cannot_process",
            "check_returned",
            "credit_not_processed",
            "customer_initiated",
            "debit_not_authorized",
            "duplicate",
            "fraudulent",
            "general",
            "incorrect_account_details",
            "insufficient_funds",
            "noncompliant",
            "product_not_received",
            "product_unacceptable",
            "subscription_canceled",
            "unrecognized");
    static final List<String> TEXT_FIELDS = List.of(
            "access_activity_log",
            "billing_address",
            "cancellation_policy_disclosure",
            "cancellation_rebuttal",
            "customer_email_address",
            "customer_name",
            "customer_purchase_ip",
            "duplicate_charge_explanation",
            "duplicate_charge_id",
            "product_description",
            "refund_policy_disclosure",
            "refund_refusal_explanation",
            "service_date",
            "shipping_address",
            "shipping_carrier",
            "shipping_date",
            "shipping_tracking_number",
            "uncategorized_text");
    static final List<String> FILE_FIELDS = List.of(
            "cancellation_policy",
            "customer_communication",
            "customer_signature",
            "duplicate_charge_documentation",
            "receipt",
            "refund_policy",
            "service_documentation",
            "shipping_documentation",
            "uncategorized_file");
    static final int MAX_FIELD_CHARS = 20_000;
    static final int MAX_TOTAL_CHARS = 150_000;
    static final long MAX_TOTAL_FILE_BYTES = 4_718_592; // 4.5 MiB
    static final long MAX_PAGES_PER_FILE = 49; // "fewer than 50 pages"
    static final long MAX_MASTERCARD_PAGES = 19;
    static final long DISPUTE_FEE = 1500;
    static final Set<String> OPEN = Set.of("needs_response", "warning_needs_response");

    private static final Map<String, Map<String, String>> NETWORK_CODES = Map.of(
            "visa",
            Map.ofEntries(
                    Map.entry("bank_cannot_process", "11.3"),
                    Map.entry("credit_not_processed", "13.6"),
                    Map.entry("customer_initiated", "13.7"),
                    Map.entry("duplicate", "12.6.1"),
                    Map.entry("fraudulent", "10.4"),
                    Map.entry("general", "13.5"),
                    Map.entry("incorrect_account_details", "12.5"),
                    Map.entry("insufficient_funds", "11.2"),
                    Map.entry("noncompliant", "12.1"),
                    Map.entry("product_not_received", "13.1"),
                    Map.entry("product_unacceptable", "13.3"),
                    Map.entry("subscription_canceled", "13.2"),
                    Map.entry("unrecognized", "10.4")),
            "mastercard",
            Map.ofEntries(
                    Map.entry("bank_cannot_process", "4808"),
                    Map.entry("credit_not_processed", "4860"),
                    Map.entry("customer_initiated", "4853"),
                    Map.entry("duplicate", "4834"),
                    Map.entry("fraudulent", "4837"),
                    Map.entry("general", "4853"),
                    Map.entry("incorrect_account_details", "4831"),
                    Map.entry("insufficient_funds", "4808"),
                    Map.entry("noncompliant", "4850"),
                    Map.entry("product_not_received", "4855"),
                    Map.entry("product_unacceptable", "4853"),
                    Map.entry("subscription_canceled", "4841"),
                    Map.entry("unrecognized", "4863")),
            "amex",
            Map.ofEntries(
                    Map.entry("bank_cannot_process", "P01"),
                    Map.entry("credit_not_processed", "C02"),
                    Map.entry("customer_initiated", "C05"),
                    Map.entry("duplicate", "P08"),
                    Map.entry("fraudulent", "F29"),
                    Map.entry("general", "C31"),
                    Map.entry("incorrect_account_details", "P01"),
                    Map.entry("insufficient_funds", "A01"),
                    Map.entry("noncompliant", "M10"),
                    Map.entry("product_not_received", "C08"),
                    Map.entry("product_unacceptable", "C32"),
                    Map.entry("subscription_canceled", "C28"),
                    Map.entry("unrecognized", "F24")),
            "discover",
            Map.ofEntries(
                    Map.entry("bank_cannot_process", "AT"),
                    Map.entry("credit_not_processed", "RN2"),
                    Map.entry("customer_initiated", "AA"),
                    Map.entry("duplicate", "DP"),
                    Map.entry("fraudulent", "UA02"),
                    Map.entry("general", "AA"),
                    Map.entry("incorrect_account_details", "IN"),
                    Map.entry("insufficient_funds", "NC"),
                    Map.entry("noncompliant", "LP"),
                    Map.entry("product_not_received", "RG"),
                    Map.entry("product_unacceptable", "RM"),
                    Map.entry("subscription_canceled", "RG"),
                    Map.entry("unrecognized", "UA01")));

    private final Engine engine;
    private final PaymentEngine payments;
    private final FileEndpoints files;

    DisputeEndpoints(Engine engine, PaymentEngine payments, FileEndpoints files) {
        this.engine = engine;
        this.payments = payments;
        this.files = files;
        payments.onChargeSettled(this::chargeSettled);
        engine.onTimer(Timer.Kind.DISPUTE_OPEN, this::openFromTestCard);
        engine.onTimer(Timer.Kind.DISPUTE_DECIDE, this::autoDecide);
        engine.onTimer(Timer.Kind.DISPUTE_DUE, this::duePassed);
        engine.onRender("dispute", (scope, d) -> {
            JsonArray txns = new JsonArray();
            JsonObject stored = scope.find(Json.str(d, "id"));
            JsonArray ids = stored == null ? null : Engine.internal(stored).getAsJsonArray("balance_transactions");
            if (ids != null) {
                for (JsonElement id : ids) {
                    JsonObject txn = scope.find(id.getAsString());
                    if (txn != null) {
                        txns.add(engine.render(scope, txn, List.of()));
                    }
                }
            }
            d.add("balance_transactions", txns);
        });
    }

    void register(Router router) {
        router.add("GET", "/v1/disputes/{id}", Set.of(), c -> render(c, dispute(c.scope(), c.id())));
        router.add("POST", "/v1/disputes/{id}", Set.of("evidence", "metadata", "submit"), this::update);
        router.add("POST", "/v1/disputes/{id}/close", Set.of(), this::close);
        router.add(
                "GET",
                "/v1/disputes",
                Set.of("charge", "payment_intent", "created", "limit", "starting_after", "ending_before"),
                c -> {
                    String charge = c.params().string("charge");
                    String pi = c.params().string("payment_intent");
                    List<JsonObject> items = c.scope().ofType("dispute").stream()
                            .filter(d -> charge == null || charge.equals(Json.str(d, "charge")))
                            .filter(d -> pi == null || pi.equals(Json.str(d, "payment_intent")))
                            .toList();
                    return engine.list(c.scope(), "/v1/disputes", items, c.params());
                });
        router.add(
                "GET",
                "/v1/radar/early_fraud_warnings/{id}",
                Set.of(),
                c -> render(c, engine.require(c.scope(), c.id(), "radar.early_fraud_warning", "early_fraud_warning")));
        router.add(
                "GET",
                "/v1/radar/early_fraud_warnings",
                Set.of("charge", "payment_intent", "created", "limit", "starting_after", "ending_before"),
                c -> {
                    String charge = c.params().string("charge");
                    String pi = c.params().string("payment_intent");
                    List<JsonObject> items = c.scope().ofType("radar.early_fraud_warning").stream()
                            .filter(d -> charge == null || charge.equals(Json.str(d, "charge")))
                            .filter(d -> pi == null || pi.equals(Json.str(d, "payment_intent")))
                            .toList();
                    return engine.list(c.scope(), "/v1/radar/early_fraud_warnings", items, c.params());
                });
    }

    private JsonObject render(ApiCall c, JsonObject o) {
        return engine.render(c.scope(), o, c.expand());
    }

    JsonObject dispute(Scope scope, String id) {
        return engine.require(scope, id, "dispute", "dispute");
    }

    static List<JsonObject> disputesOf(Scope scope, String chargeId) {
        return scope.ofType("dispute").stream()
                .filter(d -> chargeId.equals(Json.str(d, "charge")))
                .toList();
    }

    /** Refunds are refused once a chargeback withdrew the funds ({@code charge_disputed}). */
    static void checkRefundable(Scope scope, JsonObject charge) {
        for (JsonObject d : disputesOf(scope, Json.requiredStr(charge, "id"))) {
            if (!Json.bool(d, "is_charge_refundable")) {
                throw ApiError.state(
                        "charge_disputed",
                        "Charge " + Json.str(charge, "id") + " has been charged back; cannot issue a refund.",
                        "charge");
            }
        }
    }

    /** A full refund makes early fraud warnings of the charge non-actionable. */
    void refunded(Scope scope, Engine.Call call, JsonObject charge) {
        if (!Json.bool(charge, "refunded")) {
            return;
        }
        for (JsonObject efw : scope.ofType("radar.early_fraud_warning")) {
            if (Json.requiredStr(charge, "id").equals(Json.str(efw, "charge")) && Json.bool(efw, "actionable")) {
                JsonObject before = efw.deepCopy();
                efw.addProperty("actionable", false);
                engine.emit(
                        scope, call, "radar.early_fraud_warning.updated", efw, Engine.previousAttributes(before, efw));
            }
        }
    }

    // ---------------------------------------------------------------- opening

    private void chargeSettled(Scope scope, Engine.Call call, JsonObject charge, JsonObject txn) {
        TestCard card =
                TestCards.byNumber(Json.str(Engine.internal(charge), "number")).orElse(null);
        if (card != null && card.dispute() != null) {
            // Stripe opens the dispute (or warning) by itself right after the payment: request.id is null
            engine.schedule(engine.now(), scope, Timer.Kind.DISPUTE_OPEN, Json.requiredStr(charge, "id"));
        }
    }

    private void openFromTestCard(Scope scope, Timer timer, Engine.Call call) {
        JsonObject charge = scope.find(timer.objectId());
        if (charge == null) {
            return;
        }
        TestCard card =
                TestCards.byNumber(Json.str(Engine.internal(charge), "number")).orElse(null);
        if (card == null || card.dispute() == null) {
            return;
        }
        long amount = Json.num(charge, "amount_captured");
        switch (card.dispute()) {
            case "early_fraud_warning" -> earlyFraudWarning(scope, call, charge);
            case "inquiry" -> open(scope, call, charge, "general", card.brand(), true, amount, false);
            case "multiple" -> {
                long first = amount - amount / 2;
                open(scope, call, charge, "fraudulent", card.brand(), false, first, false);
                open(scope, call, charge, "product_not_received", card.brand(), false, amount - first, false);
            }
            case "visa_compelling_evidence_3" ->
                open(scope, call, charge, "fraudulent", card.brand(), false, amount, true);
            default -> open(scope, call, charge, card.dispute(), card.brand(), false, amount, false);
        }
    }

    private void earlyFraudWarning(Scope scope, Engine.Call call, JsonObject charge) {
        JsonObject efw = Json.obj(
                "id",
                "issfr_" + Ids.random(24),
                "object",
                "radar.early_fraud_warning",
                "actionable",
                !Json.bool(charge, "refunded"),
                "charge",
                Json.str(charge, "id"),
                "created",
                engine.now(),
                "fraud_type",
                "made_with_stolen_card",
                "livemode",
                false,
                "payment_intent",
                Json.str(charge, "payment_intent"));
        scope.put(efw);
        engine.emit(scope, call, "radar.early_fraud_warning.created", efw, null);
    }

    /** Days to respond, per network (approximating Stripe's {@code due_by}, tighter than the network window). */
    static long responseDays(String brand) {
        return switch (brand == null ? "" : brand) {
            case "mastercard" -> 30;
            case "amex" -> 18;
            case "discover" -> 21;
            default -> 21;
        };
    }

    private long dueBy(String brand) {
        LocalDate day = Instant.ofEpochSecond(engine.now())
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(responseDays(brand));
        return day.atTime(23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    }

    /** Opens a dispute on a charge; {@code brand} "sepa_debit" marks a SEPA Direct Debit dispute. */
    JsonObject open(
            Scope scope,
            Engine.Call call,
            JsonObject charge,
            String reason,
            String brand,
            boolean inquiry,
            long amount,
            boolean ce3) {
        boolean sepa = "sepa_debit".equals(brand);
        String code = sepa ? null : NETWORK_CODES.getOrDefault(brand, Map.of()).get(reason);
        String id = "dp_" + Ids.random(24);
        JsonObject evidence = new JsonObject();
        for (String f : TEXT_FIELDS) {
            evidence.add(f, null);
        }
        for (String f : FILE_FIELDS) {
            evidence.add(f, null);
        }
        evidence.add("enhanced_evidence", new JsonObject());
        JsonObject eligibility = new JsonObject();
        if (ce3) {
            eligibility.add(
                    "visa_compelling_evidence_3",
                    Json.obj(
                            "required_actions",
                            Json.array("missing_prior_undisputed_transactions"),
                            "status",
                            "requires_action"));
        }
        long dueBy = sepa ? 0 : dueBy(brand);
        JsonObject methodDetails = sepa
                ? Json.obj("type", "sepa_debit")
                : Json.obj(
                        "card",
                        Json.obj(
                                "brand",
                                brand,
                                "case_type",
                                inquiry ? "inquiry" : "chargeback",
                                "network",
                                brand,
                                "network_reason_code",
                                code),
                        "type",
                        "card");
        JsonObject d = Json.obj(
                "id",
                id,
                "object",
                "dispute",
                "amount",
                amount,
                "balance_transactions",
                new JsonArray(),
                "charge",
                Json.str(charge, "id"),
                "created",
                engine.now(),
                "currency",
                Json.str(charge, "currency"),
                "enhanced_eligibility_types",
                ce3 ? Json.array("visa_compelling_evidence_3") : new JsonArray(),
                "evidence",
                evidence,
                "evidence_details",
                Json.obj(
                        "due_by",
                        dueBy,
                        "enhanced_eligibility",
                        eligibility,
                        "has_evidence",
                        false,
                        "past_due",
                        false,
                        "submission_count",
                        0),
                "is_charge_refundable",
                inquiry && !Json.bool(charge, "refunded"),
                "livemode",
                false,
                "metadata",
                new JsonObject(),
                "network_reason_code",
                code,
                "payment_intent",
                Json.str(charge, "payment_intent"),
                "payment_method_details",
                methodDetails,
                "reason",
                reason,
                "status",
                inquiry ? "warning_needs_response" : "needs_response");
        Engine.internal(d).add("balance_transactions", new JsonArray());
        scope.put(d);
        charge.addProperty("disputed", true);
        engine.emit(scope, call, "charge.dispute.created", d, null);
        if (!inquiry) {
            withdraw(scope, call, d);
        }
        if (!sepa) {
            engine.schedule(dueBy, scope, Timer.Kind.DISPUTE_DUE, id);
        }
        String review = Json.str(charge, "review");
        if (review != null) {
            payments.closeReview(scope, call, review, "disputed");
        }
        return d;
    }

    private void withdraw(Scope scope, Engine.Call call, JsonObject d) {
        String currency = Json.requiredStr(d, "currency");
        JsonArray fees = new JsonArray();
        fees.add(PaymentEngine.feeDetail(DISPUTE_FEE, currency, "Dispute fee", "stripe_fee"));
        JsonObject txn = payments.transaction(
                scope,
                Json.requiredStr(d, "id"),
                "adjustment",
                "dispute",
                -Json.num(d, "amount"),
                DISPUTE_FEE,
                fees,
                currency,
                "Chargeback withdrawal for " + Json.str(d, "charge"),
                engine.now());
        Engine.internal(d).getAsJsonArray("balance_transactions").add(Json.str(txn, "id"));
        d.addProperty("is_charge_refundable", false);
        engine.emit(scope, call, "charge.dispute.funds_withdrawn", d, null);
    }

    private void reinstate(Scope scope, Engine.Call call, JsonObject d) {
        String currency = Json.requiredStr(d, "currency");
        JsonArray fees = new JsonArray();
        fees.add(PaymentEngine.feeDetail(-DISPUTE_FEE, currency, "Dispute fee refund", "stripe_fee"));
        JsonObject txn = payments.transaction(
                scope,
                Json.requiredStr(d, "id"),
                "adjustment",
                "dispute_reversal",
                Json.num(d, "amount"),
                -DISPUTE_FEE,
                fees,
                currency,
                "Chargeback reversal for " + Json.str(d, "charge"),
                engine.now());
        Engine.internal(d).getAsJsonArray("balance_transactions").add(Json.str(txn, "id"));
        engine.emit(scope, call, "charge.dispute.funds_reinstated", d, null);
    }

    // ---------------------------------------------------------------- evidence

    private JsonObject update(ApiCall c) {
        JsonObject d = dispute(c.scope(), c.id());
        Params p = c.params();
        JsonObject before = d.deepCopy();
        String status = Json.requiredStr(d, "status");
        boolean touchesEvidence = p.has("evidence") || p.has("submit");
        if (touchesEvidence && !OPEN.contains(status)) {
            throw ApiError.state(
                    "dispute_already_closed",
                    status.endsWith("under_review")
                            ? "This dispute has already been submitted and is under review; its evidence can no"
                                    + " longer be updated."
                            : "This dispute is already closed (" + status + ").",
                    "evidence");
        }
        if (touchesEvidence && Json.num(Json.requiredChild(d, "evidence_details"), "due_by") == 0) {
            throw ApiError.state(
                    "dispute_evidence_not_accepted",
                    "This dispute (" + Json.str(Json.requiredChild(d, "payment_method_details"), "type")
                            + ") has no evidence process; it cannot be countered.",
                    "evidence");
        }
        if (p.has("evidence")) {
            JsonObject merged = Json.requiredChild(d, "evidence").deepCopy();
            // evidence given as null changes nothing, like an empty hash
            Params ev = Objects.requireNonNullElse(p.nested("evidence"), new Params(new JsonObject()));
            for (String key : ev.tree().keySet()) {
                if (TEXT_FIELDS.contains(key)) {
                    String v = ev.string(key);
                    if (v != null && v.length() > MAX_FIELD_CHARS) {
                        throw ApiError.invalid(
                                "evidence[" + key + "] is " + v.length() + " characters; each evidence field may"
                                        + " have at most " + MAX_FIELD_CHARS + " characters.",
                                "evidence[" + key + "]",
                                "string_length_exceeds_maximum");
                    }
                    merged.add(key, Json.of(v == null || v.isEmpty() ? null : v));
                } else if (FILE_FIELDS.contains(key)) {
                    String v = ev.string(key);
                    if (v != null && !v.isEmpty()) {
                        evidenceFile(c.scope(), key, v);
                    }
                    merged.add(key, Json.of(v == null || v.isEmpty() ? null : v));
                } else if (key.equals("enhanced_evidence")) {
                    merged.add("enhanced_evidence", ev.tree().get(key).deepCopy());
                } else {
                    throw ApiError.unknownParam("evidence[" + key + "]");
                }
            }
            validate(c.scope(), d, merged);
            d.add("evidence", merged);
            Json.requiredChild(d, "evidence_details").addProperty("has_evidence", true);
        }
        p.applyMetadata(d);
        Boolean submit = p.bool("submit");
        boolean submitting = touchesEvidence && (submit == null || submit);
        JsonObject details = Json.requiredChild(d, "evidence_details");
        if (submitting) {
            if (Json.num(details, "submission_count") >= 1) {
                throw ApiError.state(
                        "dispute_already_submitted", "Evidence for this dispute has already been submitted.", "submit");
            }
            details.addProperty("submission_count", Json.num(details, "submission_count") + 1);
            details.addProperty("has_evidence", true);
            details.addProperty("past_due", engine.now() > Json.num(details, "due_by"));
            d.addProperty("status", status.startsWith("warning_") ? "warning_under_review" : "under_review");
            Engine.internal(d)
                    .add("submitted", Json.requiredChild(d, "evidence").deepCopy());
            String text = Json.str(Json.requiredChild(d, "evidence"), "uncategorized_text");
            String outcome = text == null
                    ? null
                    : text.contains("winning_evidence") ? "won" : text.contains("losing_evidence") ? "lost" : null;
            if (outcome != null) {
                Engine.internal(d).addProperty("auto_outcome", outcome);
                engine.schedule(engine.now(), c.scope(), Timer.Kind.DISPUTE_DECIDE, Json.requiredStr(d, "id"));
            }
        }
        JsonObject prev = Engine.previousAttributes(before, d);
        if (!prev.isEmpty()) {
            engine.emit(c.scope(), c.call(), "charge.dispute.updated", d, prev);
        }
        return render(c, d);
    }

    private JsonObject evidenceFile(Scope scope, String field, String id) {
        JsonObject f = scope.find(id);
        if (f == null || !"file".equals(Json.str(f, "object"))) {
            throw ApiError.invalid("No such file upload: '" + id + "'", "evidence[" + field + "]", "resource_missing");
        }
        if (!"dispute_evidence".equals(Json.str(f, "purpose"))) {
            throw ApiError.invalid(
                    "The file " + id + " has purpose `" + Json.str(f, "purpose") + "`; files used as dispute evidence"
                            + " must be uploaded with purpose `dispute_evidence`.",
                    "evidence[" + field + "]",
                    "invalid_file_purpose");
        }
        return f;
    }

    private void validate(Scope scope, JsonObject d, JsonObject evidence) {
        long chars = 0;
        for (String f : TEXT_FIELDS) {
            String v = Json.str(evidence, f);
            chars += v == null ? 0 : v.length();
        }
        if (chars > MAX_TOTAL_CHARS) {
            throw ApiError.invalid(
                    "The evidence has " + chars + " characters in total; a dispute's evidence may have at most "
                            + MAX_TOTAL_CHARS + " characters across all fields.",
                    "evidence",
                    "string_length_exceeds_maximum");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String f : FILE_FIELDS) {
            String v = Json.str(evidence, f);
            if (v != null) {
                ids.add(v);
            }
        }
        long bytes = 0;
        long pages = 0;
        for (String id : ids) {
            JsonObject file = Objects.requireNonNull(scope.find(id), "evidence names files of this account");
            bytes += Json.num(file, "size");
            long p = FileEndpoints.pages(file);
            if (p > MAX_PAGES_PER_FILE) {
                throw ApiError.invalid(
                        "The file " + id + " has " + p + " pages. Please upload a file with fewer than 50 pages.",
                        "evidence",
                        "dispute_evidence_page_limit_exceeded");
            }
            pages += p;
        }
        if (bytes > MAX_TOTAL_FILE_BYTES) {
            throw ApiError.invalid(
                    "The files you've attached to this dispute as evidence will exceed the limit for a dispute's total"
                            + " size (" + bytes + " of at most " + MAX_TOTAL_FILE_BYTES + " bytes). Please reduce the"
                            + " size of your files.",
                    "evidence",
                    "dispute_evidence_size_limit_exceeded");
        }
        String brand = Json.str(Json.requiredChild(Json.requiredChild(d, "payment_method_details"), "card"), "brand");
        if ("mastercard".equals(brand) && pages > MAX_MASTERCARD_PAGES) {
            throw ApiError.invalid(
                    "Mastercard accepts at most " + MAX_MASTERCARD_PAGES + " pages of evidence; the attached files"
                            + " have " + pages + " pages.",
                    "evidence",
                    "dispute_evidence_page_limit_exceeded");
        }
    }

    private JsonObject close(ApiCall c) {
        JsonObject d = dispute(c.scope(), c.id());
        String status = Json.requiredStr(d, "status");
        if (!OPEN.contains(status)) {
            throw ApiError.state(
                    "dispute_already_closed", "This dispute cannot be closed: its status is " + status + ".", null);
        }
        JsonObject before = d.deepCopy();
        d.addProperty("status", status.startsWith("warning_") ? "warning_closed" : "lost");
        engine.emit(c.scope(), c.call(), "charge.dispute.closed", d, Engine.previousAttributes(before, d));
        return render(c, d);
    }

    // ---------------------------------------------------------------- outcomes

    private void autoDecide(Scope scope, Timer timer, Engine.Call call) {
        JsonObject d = scope.find(timer.objectId());
        if (d == null) {
            return;
        }
        String outcome = Json.str(Engine.internal(d), "auto_outcome");
        if (outcome != null && Json.requiredStr(d, "status").endsWith("under_review")) {
            decide(scope, call, d, outcome.equals("won"));
        }
    }

    private void duePassed(Scope scope, Timer timer, Engine.Call call) {
        JsonObject d = scope.find(timer.objectId());
        if (d == null
                || !OPEN.contains(Json.str(d, "status"))
                || Json.num(Json.requiredChild(d, "evidence_details"), "due_by") != timer.due()) {
            return;
        }
        JsonObject before = d.deepCopy();
        // no response by due_by counts as accepting the dispute
        d.addProperty("status", Json.requiredStr(d, "status").startsWith("warning_") ? "warning_closed" : "lost");
        engine.emit(scope, call, "charge.dispute.closed", d, Engine.previousAttributes(before, d));
    }

    /** Closes a dispute as won or lost; an inquiry that is lost escalates to a chargeback. */
    void decide(Scope scope, Engine.Call call, JsonObject d, boolean won) {
        String status = Json.requiredStr(d, "status");
        if (Set.of("won", "lost", "warning_closed", "prevented").contains(status)) {
            throw ApiError.state("dispute_already_closed", "This dispute is already closed (" + status + ").", null);
        }
        JsonObject before = d.deepCopy();
        if (status.startsWith("warning_")) {
            if (won) {
                d.addProperty("status", "warning_closed");
                engine.emit(scope, call, "charge.dispute.closed", d, Engine.previousAttributes(before, d));
                return;
            }
            String brand = Json.requiredStr(
                    Json.requiredChild(Json.requiredChild(d, "payment_method_details"), "card"), "brand");
            Json.requiredChild(Json.requiredChild(d, "payment_method_details"), "card")
                    .addProperty("case_type", "chargeback");
            d.addProperty("status", "needs_response");
            long due = dueBy(brand);
            JsonObject details = Json.requiredChild(d, "evidence_details");
            details.addProperty("due_by", due);
            details.addProperty("submission_count", 0);
            Engine.internal(d).remove("auto_outcome");
            engine.emit(scope, call, "charge.dispute.updated", d, Engine.previousAttributes(before, d));
            withdraw(scope, call, d);
            engine.schedule(due, scope, Timer.Kind.DISPUTE_DUE, Json.requiredStr(d, "id"));
            return;
        }
        d.addProperty("status", won ? "won" : "lost");
        engine.emit(scope, call, "charge.dispute.closed", d, Engine.previousAttributes(before, d));
        if (won && !Engine.internal(d).getAsJsonArray("balance_transactions").isEmpty()) {
            reinstate(scope, call, d);
        }
    }

    /** What the emulator received as evidence: the submitted snapshot, or the staged evidence before submission. */
    DisputeEvidence evidence(Scope scope, JsonObject d) {
        JsonObject submitted = Json.child(Engine.internal(d), "submitted");
        JsonObject ev = submitted != null ? submitted : Json.requiredChild(d, "evidence");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : TEXT_FIELDS) {
            String v = Json.str(ev, f);
            if (v != null) {
                fields.put(f, v);
            }
        }
        List<DisputeEvidence.EvidenceFile> out = new ArrayList<>();
        for (String f : FILE_FIELDS) {
            String id = Json.str(ev, f);
            if (id != null) {
                JsonObject file = files.file(scope, id);
                out.add(new DisputeEvidence.EvidenceFile(
                        f,
                        id,
                        Json.str(file, "filename"),
                        Json.str(file, "type"),
                        Json.num(file, "size"),
                        FileEndpoints.pages(file),
                        Json.requiredStr(Engine.internal(file), "content")));
            }
        }
        return new DisputeEvidence(
                Json.requiredStr(d, "id"),
                Json.requiredStr(d, "status"),
                submitted != null,
                Json.num(Json.requiredChild(d, "evidence_details"), "submission_count"),
                fields,
                out);
    }

    /** The control call: a dispute on any succeeded charge. */
    JsonObject openByControl(Scope scope, Engine.Call call, String chargeId, DisputeRequest request) {
        JsonObject charge = engine.require(scope, chargeId, "charge", "charge");
        if (!"succeeded".equals(Json.str(charge, "status")) || !Json.bool(charge, "captured")) {
            throw ApiError.invalid("Only succeeded, captured charges can be disputed.", "charge", null);
        }
        String reason = request.reason() == null ? "general" : request.reason();
        if (!REASONS.contains(reason)) {
            throw ApiError.invalid("Invalid reason: must be one of " + String.join(", ", REASONS), "reason", null);
        }
        JsonObject pmd = Json.requiredChild(charge, "payment_method_details");
        String brand = request.brand();
        if (brand == null) {
            brand = "sepa_debit".equals(Json.str(pmd, "type"))
                    ? "sepa_debit"
                    : Json.requiredStr(Json.requiredChild(pmd, "card"), "brand");
        }
        brand = brand.toLowerCase(Locale.ROOT);
        long captured = Json.num(charge, "amount_captured");
        long amount = request.amount() == null ? captured : request.amount();
        if (amount < 1 || amount > captured) {
            throw ApiError.invalid("amount must be between 1 and the captured amount " + captured, "amount", null);
        }
        return open(scope, call, charge, reason, brand, request.inquiry(), amount, false);
    }

    static Duration dueWindow(String brand) {
        return Duration.ofDays(responseDays(brand));
    }
}
