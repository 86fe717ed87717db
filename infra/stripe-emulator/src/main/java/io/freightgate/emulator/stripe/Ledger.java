package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/balance}: the balance of a scope is the sum of the {@code net} of its balance transactions, split by
 * currency into {@code available} and {@code pending} by each transaction's {@code status} (which turns
 * {@code available} when the emulator clock passes {@code available_on}) (docs.stripe.com/api/balance).
 */
final class Ledger {

    private final Engine engine;

    Ledger(Engine engine) {
        this.engine = engine;
    }

    void register(Router router) {
        router.add("GET", "/v1/balance", Set.of(), c -> balance(c.scope()));
    }

    /** Net amount per currency of the transactions in {@code status} ({@code null}: all). */
    static Map<String, Long> totals(Scope scope, @Nullable String status) {
        Map<String, Long> out = new TreeMap<>();
        for (JsonObject txn : scope.ofType("balance_transaction")) {
            if (status == null || status.equals(Json.str(txn, "status"))) {
                out.merge(Json.str(txn, "currency"), Json.num(txn, "net"), Long::sum);
            }
        }
        return out;
    }

    static long available(Scope scope, String currency) {
        return totals(scope, "available").getOrDefault(currency, 0L);
    }

    static long total(Scope scope, String currency) {
        return totals(scope, null).getOrDefault(currency, 0L);
    }

    private JsonObject balance(Scope scope) {
        Map<String, Long> available = totals(scope, "available");
        Map<String, Long> pending = totals(scope, "pending");
        TreeMap<String, Boolean> currencies = new TreeMap<>();
        available.keySet().forEach(c -> currencies.put(c, true));
        pending.keySet().forEach(c -> currencies.put(c, true));
        if (currencies.isEmpty()) {
            currencies.put(defaultCurrency(scope), true);
        }
        JsonArray av = new JsonArray();
        JsonArray pe = new JsonArray();
        for (String currency : currencies.keySet()) {
            long a = available.getOrDefault(currency, 0L);
            long p = pending.getOrDefault(currency, 0L);
            av.add(Json.obj("amount", a, "currency", currency, "source_types", Json.obj("card", a)));
            pe.add(Json.obj("amount", p, "currency", currency, "source_types", Json.obj("card", p)));
        }
        JsonObject out = Json.obj("object", "balance", "available", av, "livemode", false, "pending", pe);
        if (scope.account() == null) {
            JsonArray reserved = new JsonArray();
            for (String currency : currencies.keySet()) {
                reserved.add(Json.obj("amount", 0, "currency", currency));
            }
            out.add("connect_reserved", reserved);
        }
        return out;
    }

    private @Nullable String defaultCurrency(Scope scope) {
        if (scope.account() != null) {
            JsonObject account = engine.platform(scope).find(scope.account());
            if (account != null) {
                return Json.str(account, "default_currency");
            }
        }
        return "usd";
    }
}
