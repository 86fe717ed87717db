package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/payouts}: on-demand payouts and automatic payouts on the account's schedule (interval
 * manual/daily/weekly/monthly, delay_days), {@code pending -> in_transit -> paid | failed} as the emulator clock passes
 * {@code arrival_date}, failures by the test bank account numbers, {@code payout.*} events, and the balance
 * transactions a payout contained ({@code GET /v1/balance_transactions?payout=}) (docs.stripe.com/api/payouts,
 * /connect/manage-payout-schedule, /connect/testing#payouts; stripe.md section 3).
 */
final class PayoutEndpoints {

    static final long ARRIVAL_SECONDS = Duration.ofDays(1).toSeconds();

    private static final Map<String, String> FAILURE_MESSAGES = Map.of(
            "no_account",
            "The bank account details on file are probably incorrect. No bank account could be located with those"
                    + " details.",
            "account_closed",
            "The bank account has been closed.",
            "insufficient_funds",
            "Your Stripe account has insufficient funds to cover the payout.",
            "debit_not_authorized",
            "Debit transactions are not approved on the bank account. (Stripe requires bank accounts to be set up for"
                    + " both credit and debit payouts.)",
            "invalid_currency",
            "The bank was unable to process this payout because of its currency. This is probably because the bank"
                    + " account cannot accept payments in that currency.");

    private final Engine engine;
    private final PaymentEngine payments;
    private final ConnectEndpoints connect;

    PayoutEndpoints(Engine engine, PaymentEngine payments, ConnectEndpoints connect) {
        this.engine = engine;
        this.payments = payments;
        this.connect = connect;
        connect.onScheduleChange(this::scheduleChanged);
        payments.pendingSeconds(this::pendingSeconds);
        engine.onTimer(Timer.Kind.PAYOUT_SCHEDULE, this::scheduled);
        engine.onTimer(Timer.Kind.PAYOUT_IN_TRANSIT, this::inTransit);
        engine.onTimer(Timer.Kind.PAYOUT_ARRIVAL, this::arrived);
    }

    void register(Router router) {
        router.add(
                "POST",
                "/v1/payouts",
                Set.of(
                        "amount",
                        "currency",
                        "description",
                        "destination",
                        "metadata",
                        "method",
                        "source_type",
                        "statement_descriptor",
                        "payout_method"),
                this::create);
        router.add(
                "GET",
                "/v1/payouts/{id}",
                Set.of(),
                c -> engine.render(c.scope(), engine.require(c.scope(), c.id(), "payout", "payout"), c.expand()));
        router.add("POST", "/v1/payouts/{id}", Set.of("metadata"), c -> {
            JsonObject po = engine.require(c.scope(), c.id(), "payout", "payout");
            JsonObject before = po.deepCopy();
            c.params().applyMetadata(po);
            JsonObject prev = Engine.previousAttributes(before, po);
            if (!prev.isEmpty()) {
                engine.emit(c.scope(), c.call(), "payout.updated", po, prev);
            }
            return engine.render(c.scope(), po, c.expand());
        });
        router.add("POST", "/v1/payouts/{id}/cancel", Set.of(), this::cancel);
        router.add(
                "GET",
                "/v1/payouts",
                Set.of("limit", "starting_after", "ending_before", "created", "status", "destination", "arrival_date"),
                c -> {
                    String status = c.params().string("status");
                    List<JsonObject> items = c.scope().ofType("payout").stream()
                            .filter(p -> status == null || status.equals(Json.str(p, "status")))
                            .toList();
                    return engine.list(c.scope(), "/v1/payouts", items, c.params());
                });
    }

    /** A connected account's funds stay pending for its schedule's {@code delay_days}; the platform's for 2 days. */
    private long pendingSeconds(Scope scope) {
        if (scope.account() != null) {
            JsonObject account = engine.platform(scope).find(scope.account());
            if (account != null) {
                long days = Json.num(schedule(account), "delay_days");
                return Duration.ofDays(days).toSeconds();
            }
        }
        return PaymentEngine.PENDING_FUNDS_SECONDS;
    }

    private static JsonObject schedule(JsonObject account) {
        return Json.requiredChild(Json.requiredChild(Json.requiredChild(account, "settings"), "payouts"), "schedule");
    }

    // ---------------------------------------------------------------- schedule

    private void scheduleChanged(Scope platform, JsonObject account) {
        JsonObject schedule = schedule(account);
        JsonObject internal = Engine.internal(account);
        String signature = Json.GSON.toJson(schedule);
        if (signature.equals(Json.str(internal, "schedule_signature"))) {
            return;
        }
        internal.addProperty("schedule_signature", signature);
        long seq = Json.num(internal, "schedule_seq") + 1;
        internal.addProperty("schedule_seq", seq);
        if (!"manual".equals(Json.str(schedule, "interval"))) {
            engine.schedule(
                    nextRun(schedule, engine.now()),
                    platform,
                    Timer.Kind.PAYOUT_SCHEDULE,
                    Json.str(account, "id") + "#" + seq);
        }
    }

    /** The next payout time strictly after {@code now}: 00:00 UTC of the next matching day. */
    static long nextRun(JsonObject schedule, long now) {
        LocalDate today = Instant.ofEpochSecond(now).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next =
                switch (Json.requiredStr(schedule, "interval")) {
                    case "weekly" ->
                        today.with(TemporalAdjusters.next(DayOfWeek.valueOf(
                                Json.requiredStr(schedule, "weekly_anchor").toUpperCase(Locale.ROOT))));
                    case "monthly" -> {
                        int anchor = (int) Json.num(schedule, "monthly_anchor");
                        LocalDate candidate = today.withDayOfMonth(Math.min(anchor, today.lengthOfMonth()));
                        if (!candidate.isAfter(today)) {
                            LocalDate nextMonth = today.plusMonths(1);
                            candidate = nextMonth.withDayOfMonth(Math.min(anchor, nextMonth.lengthOfMonth()));
                        }
                        yield candidate;
                    }
                    default -> today.plusDays(1);
                };
        return next.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private void scheduled(Scope platform, Timer timer, Engine.Call call) {
        String[] parts = timer.objectId().split("#");
        JsonObject account = platform.find(parts[0]);
        if (account == null || Json.bool(Engine.internal(account), "deleted")) {
            return;
        }
        if (Json.num(Engine.internal(account), "schedule_seq") != Long.parseLong(parts[1])) {
            return; // the schedule changed since
        }
        JsonObject schedule = schedule(account);
        if ("manual".equals(Json.str(schedule, "interval"))) {
            return;
        }
        Scope scope = engine.scope(platform.apiKey(), Json.str(account, "id"));
        if (Json.bool(account, "payouts_enabled") && ConnectEndpoints.defaultExternalAccount(account) != null) {
            for (var entry : Ledger.totals(scope, "available").entrySet()) {
                if (entry.getValue() > 0) {
                    automaticPayout(scope, call, account, entry.getKey(), timer.due());
                }
            }
        }
        engine.schedule(nextRun(schedule, timer.due()), platform, Timer.Kind.PAYOUT_SCHEDULE, timer.objectId());
    }

    private void automaticPayout(Scope scope, Engine.Call call, JsonObject account, String currency, long at) {
        List<JsonObject> included = scope.ofType("balance_transaction").stream()
                .filter(t -> currency.equals(Json.str(t, "currency")))
                .filter(t -> "available".equals(Json.str(t, "status")))
                .filter(t -> Json.str(Engine.internal(t), "payout") == null)
                .toList();
        long amount = included.stream().mapToLong(t -> Json.num(t, "net")).sum();
        if (amount <= 0) {
            return;
        }
        JsonObject po = payout(scope, call, account, amount, currency, true, null, null, created -> {});
        for (JsonObject t : included) {
            Engine.internal(t).addProperty("payout", Json.str(po, "id"));
        }
    }

    // ---------------------------------------------------------------- on demand

    private JsonObject create(ApiCall c) {
        Params p = c.params();
        long amount = p.requiredLong("amount");
        String currency = p.requiredString("currency").toLowerCase(Locale.ROOT);
        if (amount < 1) {
            throw ApiError.invalid("This value must be greater than or equal to 1.", "amount", null);
        }
        String method = p.string("method") == null ? "standard" : p.string("method");
        if (!Set.of("standard", "instant").contains(method)) {
            throw ApiError.invalid("Invalid method: must be one of instant or standard", "method", null);
        }
        String descriptor = p.string("statement_descriptor");
        if (descriptor != null && descriptor.length() > 22) {
            throw ApiError.invalid("statement_descriptor must be at most 22 characters", "statement_descriptor", null);
        }
        JsonObject account = null;
        if (c.scope().account() != null) {
            account = connect.account(c.scope(), c.scope().account(), "account");
            if (!Json.bool(account, "payouts_enabled")) {
                throw ApiError.state(
                        "payouts_not_allowed",
                        "Payouts have been disabled on this account. Provide the information listed in"
                                + " requirements.currently_due to re-enable them.",
                        null);
            }
            if (ConnectEndpoints.defaultExternalAccount(account) == null) {
                throw ApiError.state(
                        "no_external_account",
                        "This account has no external account (bank account) to pay out to.",
                        "destination");
            }
        }
        long available = Ledger.available(c.scope(), currency);
        if (available < amount) {
            throw ApiError.state(
                    "balance_insufficient",
                    "You have insufficient funds in your Stripe account for this transfer. Your card balance is too"
                            + " low. You can use the /v1/balance endpoint to view your Stripe balance (for more"
                            + " details, see stripe.com/docs/api#balance).",
                    "amount");
        }
        // The method and the metadata belong to the payout before payout.created is emitted: Stripe's event carries
        // them, and a receiver matches the payout to its own record by that metadata.
        JsonObject po = payout(
                c.scope(), c.call(), account, amount, currency, false, p.string("description"), descriptor, created -> {
                    created.addProperty("method", method);
                    p.applyMetadata(created);
                });
        return engine.render(c.scope(), po, c.expand());
    }

    private JsonObject payout(
            Scope scope,
            Engine.Call call,
            @Nullable JsonObject account,
            long amount,
            String currency,
            boolean automatic,
            @Nullable String description,
            @Nullable String descriptor,
            Consumer<JsonObject> details) {
        String id = Ids.next("po");
        JsonObject txn = payments.transaction(
                scope,
                id,
                "payout",
                "payout",
                -amount,
                0,
                new JsonArray(),
                currency,
                description == null ? "STRIPE PAYOUT" : description,
                engine.now());
        Engine.internal(txn).addProperty("payout", id);
        JsonObject bank = account == null ? null : ConnectEndpoints.defaultExternalAccount(account);
        long arrival = engine.now() + ARRIVAL_SECONDS;
        JsonObject po = Json.obj(
                "id",
                id,
                "object",
                "payout",
                "amount",
                amount,
                "application_fee",
                null,
                "application_fee_amount",
                null,
                "arrival_date",
                arrival,
                "automatic",
                automatic,
                "balance_transaction",
                Json.str(txn, "id"),
                "created",
                engine.now(),
                "currency",
                currency,
                "description",
                description == null ? "STRIPE PAYOUT" : description,
                "destination",
                bank == null ? "ba_platform_default" : Json.str(bank, "id"),
                "failure_balance_transaction",
                null,
                "failure_code",
                null,
                "failure_message",
                null,
                "livemode",
                false,
                "metadata",
                new JsonObject(),
                "method",
                "standard",
                "original_payout",
                null,
                "reconciliation_status",
                automatic ? "in_progress" : "not_applicable",
                "reversed_by",
                null,
                "source_type",
                "card",
                "statement_descriptor",
                descriptor,
                "status",
                "pending",
                "trace_id",
                Json.obj("status", "pending", "value", null),
                "type",
                "bank_account");
        String number = account == null ? null : ConnectEndpoints.defaultExternalAccountNumber(account);
        String failure = number == null ? null : ConnectEndpoints.PAYOUT_FAILURES.get(number);
        if (failure != null) {
            Engine.internal(po).addProperty("failure", failure);
        }
        details.accept(po);
        scope.put(po);
        engine.emit(scope, call, "payout.created", po, null);
        engine.schedule(engine.now(), scope, Timer.Kind.PAYOUT_IN_TRANSIT, id);
        engine.schedule(arrival, scope, Timer.Kind.PAYOUT_ARRIVAL, id);
        return po;
    }

    private void inTransit(Scope scope, Timer timer, Engine.Call call) {
        JsonObject po = scope.find(timer.objectId());
        if (po == null || !"pending".equals(Json.str(po, "status"))) {
            return;
        }
        JsonObject before = po.deepCopy();
        po.addProperty("status", "in_transit");
        engine.emit(scope, call, "payout.updated", po, Engine.previousAttributes(before, po));
    }

    private void arrived(Scope scope, Timer timer, Engine.Call call) {
        JsonObject po = scope.find(timer.objectId());
        if (po == null || !Set.of("pending", "in_transit").contains(Json.str(po, "status"))) {
            return;
        }
        JsonObject before = po.deepCopy();
        String failure = Json.str(Engine.internal(po), "failure");
        if (failure == null) {
            po.addProperty("status", "paid");
            po.add("trace_id", Json.obj("status", "supported", "value", "FGTRACE" + Ids.random(10)));
            if (Json.bool(po, "automatic")) {
                po.addProperty("reconciliation_status", "completed");
            }
            engine.emit(scope, call, "payout.updated", po, Engine.previousAttributes(before, po));
            engine.emit(scope, call, "payout.paid", po, null);
            if (Json.bool(po, "automatic")) {
                engine.emit(scope, call, "payout.reconciliation_completed", po, null);
            }
            return;
        }
        JsonObject txn = payments.transaction(
                scope,
                Json.requiredStr(po, "id"),
                "payout_failure",
                "payout_reversal",
                Json.num(po, "amount"),
                0,
                new JsonArray(),
                Json.requiredStr(po, "currency"),
                "Payout failure (" + failure + ")",
                engine.now());
        Engine.internal(txn).addProperty("payout", Json.str(po, "id"));
        po.addProperty("status", "failed");
        po.addProperty("failure_code", failure);
        po.addProperty("failure_message", FAILURE_MESSAGES.get(failure));
        po.addProperty("failure_balance_transaction", Json.str(txn, "id"));
        po.add("trace_id", Json.obj("status", "unsupported", "value", null));
        engine.emit(scope, call, "payout.updated", po, Engine.previousAttributes(before, po));
        engine.emit(scope, call, "payout.failed", po, null);
    }

    private JsonObject cancel(ApiCall c) {
        JsonObject po = engine.require(c.scope(), c.id(), "payout", "payout");
        if (!"pending".equals(Json.str(po, "status")) || Json.bool(po, "automatic")) {
            throw ApiError.state(
                    "payout_not_cancelable",
                    "Payouts can only be canceled while they are pending and were created through the API; this one"
                            + " has status " + Json.str(po, "status") + ".",
                    null);
        }
        JsonObject before = po.deepCopy();
        JsonObject txn = payments.transaction(
                c.scope(),
                Json.requiredStr(po, "id"),
                "payout_cancel",
                "payout_reversal",
                Json.num(po, "amount"),
                0,
                new JsonArray(),
                Json.requiredStr(po, "currency"),
                "Payout cancellation",
                engine.now());
        Engine.internal(txn).addProperty("payout", Json.str(po, "id"));
        po.addProperty("status", "canceled");
        engine.emit(c.scope(), c.call(), "payout.updated", po, Engine.previousAttributes(before, po));
        engine.emit(c.scope(), c.call(), "payout.canceled", po, null);
        return engine.render(c.scope(), po, c.expand());
    }
}
