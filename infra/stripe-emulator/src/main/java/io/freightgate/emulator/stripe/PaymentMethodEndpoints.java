package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/payment_methods} for cards: raw test numbers, {@code tok_*} tokens and the {@code pm_card_*} test ids
 * (docs.stripe.com/api/payment_methods, docs.stripe.com/testing).
 */
final class PaymentMethodEndpoints {

    private final Engine engine;

    PaymentMethodEndpoints(Engine engine) {
        this.engine = engine;
    }

    void register(Router router) {
        router.add(
                "POST",
                "/v1/payment_methods",
                Set.of(
                        "type",
                        "card",
                        "sepa_debit",
                        "billing_details",
                        "metadata",
                        "allow_redisplay",
                        "customer",
                        "payment_method"),
                this::create);
        router.add("GET", "/v1/payment_methods/{id}", Set.of(), this::retrieve);
        router.add(
                "POST",
                "/v1/payment_methods/{id}",
                Set.of("billing_details", "metadata", "card", "allow_redisplay"),
                this::update);
        router.add("POST", "/v1/payment_methods/{id}/attach", Set.of("customer"), this::attachCall);
        router.add("POST", "/v1/payment_methods/{id}/detach", Set.of(), this::detach);
        router.add(
                "GET",
                "/v1/payment_methods",
                Set.of("customer", "type", "limit", "starting_after", "ending_before"),
                this::list);
        router.add(
                "GET",
                "/v1/customers/{id}/payment_methods",
                Set.of("type", "limit", "starting_after", "ending_before", "allow_redisplay"),
                this::listForCustomer);
    }

    /** A stored PaymentMethod, creating one from a {@code pm_card_*}/{@code tok_*} test id, else 404. */
    JsonObject resolve(Scope scope, String id, String param) {
        JsonObject stored = scope.find(id);
        if (stored != null && "payment_method".equals(Json.str(stored, "object"))) {
            return stored;
        }
        Optional<TestCard> alias = TestCards.byAlias(id);
        if (alias.isPresent()) {
            JsonObject pm = build(alias.get(), 12, expiryYear() + 3, true, null, null);
            scope.put(pm);
            return pm;
        }
        throw ApiError.noSuch("PaymentMethod", id, param);
    }

    private int expiryYear() {
        return Instant.ofEpochSecond(engine.now()).atZone(ZoneOffset.UTC).getYear();
    }

    /** The test card behind a stored PaymentMethod. */
    static TestCard card(JsonObject pm) {
        String number = Json.requiredStr(Engine.internal(pm), "number");
        return TestCards.byNumber(number).orElseGet(() -> TestCard.of(number, "credit", "US"));
    }

    static boolean cvcProvided(JsonObject pm) {
        return Json.bool(Engine.internal(pm), "cvc_provided");
    }

    private JsonObject create(ApiCall c) {
        Params p = c.params();
        String type = p.requiredString("type");
        if (type.equals("sepa_debit")) {
            JsonObject pm = sepa(c, p);
            c.scope().put(pm);
            return engine.render(c.scope(), pm, c.expand());
        }
        if (!type.equals("card")) {
            throw ApiError.invalid(
                    "The payment method type '" + type + "' is not supported by the FreightGate Stripe emulator yet.",
                    "type",
                    "payment_method_invalid_parameter");
        }
        Params card = p.nested("card");
        if (card == null) {
            throw ApiError.missingParam("card");
        }
        JsonObject pm;
        String token = card.string("token");
        if (token != null) {
            TestCard tc = TestCards.byAlias(token).orElseThrow(() -> ApiError.noSuch("token", token, "card[token]"));
            pm = build(tc, 12, expiryYear() + 3, true, p.object("billing_details"), null);
        } else {
            String number = card.requiredString("number").replace(" ", "");
            long month = card.requiredLong("exp_month");
            long year = card.requiredLong("exp_year");
            if (year < 100) {
                year += 2000;
            }
            pm = build(
                    validate(number, month, year),
                    (int) month,
                    (int) year,
                    card.has("cvc"),
                    p.object("billing_details"),
                    null);
        }
        p.applyMetadata(pm);
        if (p.has("allow_redisplay")) {
            pm.addProperty("allow_redisplay", p.string("allow_redisplay"));
        }
        c.scope().put(pm);
        return engine.render(c.scope(), pm, c.expand());
    }

    /** A {@code sepa_debit} PaymentMethod from {@code sepa_debit[iban]}; SEPA requires the payer's name and email. */
    JsonObject sepa(ApiCall c, Params p) {
        Params sepa = p.nested("sepa_debit");
        if (sepa == null) {
            throw ApiError.missingParam("sepa_debit");
        }
        String iban = sepa.requiredString("iban").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        JsonObject details = SepaDebit.details(iban);
        JsonObject billing = p.object("billing_details");
        if (billing == null || Json.str(billing, "name") == null || Json.str(billing, "email") == null) {
            throw ApiError.invalid(
                    "Missing required param: billing_details[name] and billing_details[email] are required for"
                            + " sepa_debit PaymentMethods.",
                    billing == null || Json.str(billing, "name") == null
                            ? "billing_details[name]"
                            : "billing_details[email]",
                    "parameter_missing");
        }
        JsonObject pm = new JsonObject();
        pm.addProperty("id", Ids.next("pm"));
        pm.addProperty("object", "payment_method");
        pm.addProperty("allow_redisplay", "unspecified");
        pm.add("billing_details", billingDetails(billing));
        pm.addProperty("created", engine.now());
        pm.add("customer", null);
        pm.addProperty("livemode", false);
        pm.add("metadata", new JsonObject());
        pm.add("sepa_debit", details);
        pm.addProperty("type", "sepa_debit");
        Engine.internal(pm).addProperty("iban", iban);
        p.applyMetadata(pm);
        return pm;
    }

    private TestCard validate(String number, long month, long year) {
        if (!TestCard.luhn(number)) {
            throw cardError("incorrect_number", "Your card number is incorrect.", "number");
        }
        if (month < 1 || month > 12) {
            throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month");
        }
        var now = Instant.ofEpochSecond(engine.now()).atZone(ZoneOffset.UTC);
        if (year < now.getYear() || (year == now.getYear() && month < now.getMonthValue())) {
            throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "exp_year");
        }
        return TestCards.byNumber(number).orElseThrow(() -> {
            JsonObject e = Json.obj(
                    "type",
                    "card_error",
                    "code",
                    "card_declined",
                    "decline_code",
                    "test_mode_live_card",
                    "message",
                    "Your card was declined. Your request was in test mode, but used a non test (live) card. For a"
                            + " list of valid test cards, visit: https://stripe.com/docs/testing.",
                    "doc_url",
                    ApiError.DOCS + "card-declined");
            return new ApiError(402, e, false);
        });
    }

    private static ApiError cardError(String code, String message, String field) {
        return new ApiError(
                402,
                Json.obj(
                        "type",
                        "card_error",
                        "code",
                        code,
                        "message",
                        message,
                        "param",
                        field,
                        "doc_url",
                        ApiError.DOCS + code.replace('_', '-')),
                false);
    }

    private JsonObject build(
            TestCard tc,
            int month,
            int year,
            boolean cvcProvided,
            @Nullable JsonObject billing,
            @Nullable String customer) {
        JsonObject pm = new JsonObject();
        pm.addProperty("id", Ids.next("pm"));
        pm.addProperty("object", "payment_method");
        pm.addProperty("allow_redisplay", "unspecified");
        pm.add("billing_details", billingDetails(billing));
        JsonObject card = new JsonObject();
        card.addProperty("brand", tc.brand());
        card.add(
                "checks",
                Json.obj(
                        "address_line1_check",
                        null,
                        "address_postal_code_check",
                        null,
                        "cvc_check",
                        cvcProvided ? "unchecked" : null));
        card.addProperty("country", tc.country());
        card.addProperty("display_brand", tc.brand());
        card.addProperty("exp_month", month);
        card.addProperty("exp_year", year);
        card.addProperty("fingerprint", fingerprint(tc.number()));
        card.addProperty("funding", tc.funding());
        card.add("generated_from", null);
        card.addProperty("last4", tc.last4());
        card.add("networks", Json.obj("available", Json.array(tc.brand()), "preferred", null));
        card.addProperty("regulated_status", "unregulated");
        card.add("three_d_secure_usage", Json.obj("supported", tc.threeDs() != TestCard.ThreeDs.NOT_SUPPORTED));
        card.add("wallet", null);
        pm.add("card", card);
        pm.addProperty("created", engine.now());
        pm.add("customer", Json.of(customer));
        pm.addProperty("livemode", false);
        pm.add("metadata", new JsonObject());
        pm.addProperty("type", "card");
        JsonObject internal = Engine.internal(pm);
        internal.addProperty("number", tc.number());
        internal.addProperty("cvc_provided", cvcProvided);
        return pm;
    }

    static JsonObject billingDetails(@Nullable JsonObject in) {
        JsonObject address = in == null ? null : CustomerEndpoints.address(Json.child(in, "address"));
        if (address == null) {
            address = Json.obj(
                    "city", null, "country", null, "line1", null, "line2", null, "postal_code", null, "state", null);
        }
        return Json.obj(
                "address",
                address,
                "email",
                in == null ? null : Json.str(in, "email"),
                "name",
                in == null ? null : Json.str(in, "name"),
                "phone",
                in == null ? null : Json.str(in, "phone"),
                "tax_id",
                null);
    }

    static String fingerprint(String number) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(("fp:" + number).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .replaceAll("[^A-Za-z0-9]", "")
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject retrieve(ApiCall c) {
        return engine.render(c.scope(), resolve(c.scope(), c.id(), "payment_method"), c.expand());
    }

    private JsonObject update(ApiCall c) {
        JsonObject pm = engine.require(c.scope(), c.id(), "payment_method", "payment_method");
        JsonObject before = pm.deepCopy();
        Params p = c.params();
        if (p.has("billing_details")) {
            pm.add("billing_details", billingDetails(p.object("billing_details")));
        }
        Params card = p.nested("card");
        if (card != null) {
            if (card.has("exp_month")) {
                Json.requiredChild(pm, "card").addProperty("exp_month", card.longValue("exp_month"));
            }
            if (card.has("exp_year")) {
                Json.requiredChild(pm, "card").addProperty("exp_year", card.longValue("exp_year"));
            }
        }
        if (p.has("allow_redisplay")) {
            pm.addProperty("allow_redisplay", p.string("allow_redisplay"));
        }
        p.applyMetadata(pm);
        JsonObject prev = Engine.previousAttributes(before, pm);
        if (!prev.isEmpty()) {
            engine.emit(c.scope(), c.call(), "payment_method.updated", pm, prev);
        }
        return engine.render(c.scope(), pm, c.expand());
    }

    private JsonObject attachCall(ApiCall c) {
        JsonObject pm = resolve(c.scope(), c.id(), "payment_method");
        JsonObject cus = engine.require(c.scope(), c.params().requiredString("customer"), "customer", "customer");
        attach(c, pm, cus);
        return engine.render(c.scope(), pm, c.expand());
    }

    void attach(ApiCall c, JsonObject pm, JsonObject customer) {
        String current = Json.str(pm, "customer");
        String target = Json.str(customer, "id");
        if (current != null && !current.equals(target)) {
            throw ApiError.state(
                    "payment_method_unexpected_state",
                    "The payment method you provided has already been attached to a customer.",
                    "payment_method");
        }
        if (current == null && SepaDebit.isSepa(pm)) {
            pm.addProperty("customer", target);
            engine.emit(c.scope(), c.call(), "payment_method.attached", pm, null);
        } else if (current == null) {
            TestCard tc = card(pm);
            boolean attachOkChargeFails = tc.number().equals("4000000000000341");
            if ((tc.decline() != null && !attachOkChargeFails) || tc.risk() == TestCard.Risk.HIGHEST_ALWAYS_BLOCKED) {
                // Stripe verifies the card when attaching; cards that always decline fail here.
                JsonObject e = PaymentEngine.cardErrorBody(
                        tc.decline() != null
                                ? tc.decline()
                                : new TestCard.Decline("card_declined", "fraudulent", TestCards.GENERIC));
                e.addProperty("param", "");
                throw ApiError.card(e);
            }
            pm.addProperty("customer", target);
            engine.emit(c.scope(), c.call(), "payment_method.attached", pm, null);
        }
    }

    private JsonObject detach(ApiCall c) {
        JsonObject pm = engine.require(c.scope(), c.id(), "payment_method", "payment_method");
        if (Json.str(pm, "customer") == null) {
            throw ApiError.state(
                    "payment_method_unexpected_state",
                    "The payment method you provided is not attached to a customer so detachment is impossible.",
                    null);
        }
        pm.add("customer", null);
        engine.emit(c.scope(), c.call(), "payment_method.detached", pm, null);
        return engine.render(c.scope(), pm, c.expand());
    }

    private JsonObject list(ApiCall c) {
        String customer = c.params().string("customer");
        return engine.list(c.scope(), "/v1/payment_methods", filter(c.scope(), customer, c.params()), c.params());
    }

    private JsonObject listForCustomer(ApiCall c) {
        engine.require(c.scope(), c.id(), "customer", "customer");
        return engine.list(
                c.scope(),
                "/v1/customers/" + c.id() + "/payment_methods",
                filter(c.scope(), c.id(), c.params()),
                c.params());
    }

    private static List<JsonObject> filter(Scope scope, @Nullable String customer, Params params) {
        String type = params.string("type");
        return scope.ofType("payment_method").stream()
                .filter(pm -> customer == null || customer.equals(Json.str(pm, "customer")))
                .filter(pm -> type == null || type.equals(Json.str(pm, "type")))
                .toList();
    }
}
