package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code /v1/customers}: create, retrieve, update, delete, list (docs.stripe.com/api/customers). */
final class CustomerEndpoints {

    private static final Set<String> WRITABLE = Set.of(
            "address",
            "balance",
            "description",
            "email",
            "invoice_prefix",
            "invoice_settings",
            "metadata",
            "name",
            "next_invoice_sequence",
            "payment_method",
            "phone",
            "preferred_locales",
            "shipping",
            "source",
            "tax",
            "tax_exempt",
            "tax_id_data",
            "test_clock",
            "validate",
            "cash_balance",
            "coupon",
            "promotion_code",
            "default_source");

    private final Engine engine;
    private final PaymentMethodEndpoints paymentMethods;

    CustomerEndpoints(Engine engine, PaymentMethodEndpoints paymentMethods) {
        this.engine = engine;
        this.paymentMethods = paymentMethods;
    }

    void register(Router router) {
        router.add("POST", "/v1/customers", WRITABLE, this::create);
        router.add("GET", "/v1/customers/{id}", Set.of(), this::retrieve);
        router.add("POST", "/v1/customers/{id}", WRITABLE, this::update);
        router.add("DELETE", "/v1/customers/{id}", Set.of(), this::delete);
        router.add(
                "GET",
                "/v1/customers",
                Set.of("email", "limit", "starting_after", "ending_before", "created", "test_clock"),
                this::list);
    }

    private JsonObject create(ApiCall c) {
        Params p = c.params();
        JsonObject cus = new JsonObject();
        cus.addProperty("id", Ids.next("cus"));
        cus.addProperty("object", "customer");
        cus.add("address", null);
        cus.addProperty("balance", p.longValue("balance") == null ? 0L : p.longValue("balance"));
        cus.addProperty("created", engine.now());
        cus.add("currency", null);
        cus.add("default_source", null);
        cus.addProperty("delinquent", false);
        cus.add("description", null);
        cus.add("discount", null);
        cus.add("email", null);
        cus.addProperty("invoice_prefix", Ids.random(8).toUpperCase(java.util.Locale.ROOT));
        cus.add(
                "invoice_settings",
                Json.obj(
                        "custom_fields",
                        null,
                        "default_payment_method",
                        null,
                        "footer",
                        null,
                        "rendering_options",
                        null));
        cus.addProperty("livemode", false);
        cus.add("metadata", new JsonObject());
        cus.add("name", null);
        cus.addProperty("next_invoice_sequence", 1);
        cus.add("phone", null);
        cus.add("preferred_locales", new JsonArray());
        cus.add("shipping", null);
        cus.addProperty("tax_exempt", "none");
        cus.add("test_clock", null);
        apply(c, cus);
        c.scope().put(cus);
        String pm = p.string("payment_method");
        if (pm != null && !pm.isEmpty()) {
            paymentMethods.attach(c, paymentMethods.resolve(c.scope(), pm, "payment_method"), cus);
        }
        engine.emit(c.scope(), c.call(), "customer.created", cus, null);
        return engine.render(c.scope(), cus, c.expand());
    }

    private void apply(ApiCall c, JsonObject cus) {
        Params p = c.params();
        for (String field : List.of("description", "email", "name", "phone", "tax_exempt", "invoice_prefix")) {
            if (p.has(field)) {
                String v = p.string(field);
                cus.addProperty(field, v == null || v.isEmpty() ? null : v);
            }
        }
        if (p.has("balance")) {
            cus.addProperty("balance", p.longValue("balance"));
        }
        if (p.has("address")) {
            cus.add("address", address(p.object("address")));
        }
        if (p.has("shipping")) {
            JsonObject s = p.object("shipping");
            cus.add(
                    "shipping",
                    s == null || s.isEmpty()
                            ? null
                            : Json.obj(
                                    "address", address(Json.child(s, "address")),
                                    "name", Json.str(s, "name"),
                                    "phone", Json.str(s, "phone")));
        }
        if (p.has("preferred_locales")) {
            cus.add("preferred_locales", Json.of(p.strings("preferred_locales")));
        }
        Params settings = p.nested("invoice_settings");
        if (settings != null && settings.has("default_payment_method")) {
            String pm = settings.string("default_payment_method");
            if (pm != null && !pm.isEmpty()) {
                engine.require(c.scope(), pm, "payment_method", "invoice_settings[default_payment_method]");
            }
            Json.requiredChild(cus, "invoice_settings")
                    .addProperty("default_payment_method", pm == null || pm.isEmpty() ? null : pm);
        }
        p.applyMetadata(cus);
    }

    static @Nullable JsonObject address(@Nullable JsonObject in) {
        if (in == null || in.isEmpty()) {
            return null;
        }
        JsonObject a = new JsonObject();
        for (String f : List.of("city", "country", "line1", "line2", "postal_code", "state")) {
            a.add(f, Json.of(Json.str(in, f)));
        }
        return a;
    }

    private JsonObject find(ApiCall c) {
        JsonObject cus = engine.require(c.scope(), c.id(), "customer", "id");
        return cus;
    }

    private JsonObject retrieve(ApiCall c) {
        JsonObject cus = find(c);
        if (Json.bool(Engine.internal(cus), "deleted")) {
            return Json.obj("id", c.id(), "object", "customer", "deleted", true);
        }
        return engine.render(c.scope(), cus, c.expand());
    }

    private JsonObject update(ApiCall c) {
        JsonObject cus = live(c);
        JsonObject before = cus.deepCopy();
        apply(c, cus);
        JsonObject prev = Engine.previousAttributes(before, cus);
        if (!prev.isEmpty()) {
            engine.emit(c.scope(), c.call(), "customer.updated", cus, prev);
        }
        return engine.render(c.scope(), cus, c.expand());
    }

    private JsonObject live(ApiCall c) {
        JsonObject cus = find(c);
        if (Json.bool(Engine.internal(cus), "deleted")) {
            throw ApiError.noSuch("customer", c.id(), "id");
        }
        return cus;
    }

    private JsonObject delete(ApiCall c) {
        JsonObject cus = live(c);
        Engine.internal(cus).addProperty("deleted", true);
        engine.emit(c.scope(), c.call(), "customer.deleted", cus, null);
        return Json.obj("id", c.id(), "object", "customer", "deleted", true);
    }

    private JsonObject list(ApiCall c) {
        String email = c.params().string("email");
        List<JsonObject> items = c.scope().ofType("customer").stream()
                .filter(o -> !Json.bool(Engine.internal(o), "deleted"))
                .filter(o -> email == null || email.equals(Json.str(o, "email")))
                .toList();
        return engine.list(c.scope(), "/v1/customers", items, c.params());
    }
}
