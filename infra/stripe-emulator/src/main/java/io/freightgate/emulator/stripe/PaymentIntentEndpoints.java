package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import io.freightgate.emulator.stripe.TestCard.ThreeDs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/payment_intents}: create, retrieve, update, confirm (with 3-D Secure {@code requires_action}), capture
 * (manual capture expires after 7 emulated days), cancel, list (docs.stripe.com/api/payment_intents,
 * docs.stripe.com/payments/3d-secure, docs.stripe.com/payments/place-a-hold-on-a-payment-method).
 */
final class PaymentIntentEndpoints {

    private static final Set<String> CONFIRM_PARAMS = Set.of(
            "payment_method",
            "payment_method_data",
            "payment_method_options",
            "payment_method_types",
            "return_url",
            "off_session",
            "receipt_email",
            "setup_future_usage",
            "shipping",
            "capture_method",
            "error_on_requires_action",
            "mandate",
            "mandate_data",
            "use_stripe_sdk",
            "radar_options",
            "client_secret",
            "confirmation_token",
            "payment_details",
            "excluded_payment_method_types",
            "amount_details",
            "hooks");
    private static final Set<String> UPDATE_PARAMS = Set.of(
            "amount",
            "currency",
            "customer",
            "description",
            "metadata",
            "payment_method",
            "payment_method_data",
            "payment_method_options",
            "payment_method_types",
            "receipt_email",
            "setup_future_usage",
            "shipping",
            "statement_descriptor",
            "statement_descriptor_suffix",
            "transfer_data",
            "transfer_group",
            "application_fee_amount",
            "capture_method",
            "excluded_payment_method_types",
            "amount_details",
            "hooks",
            "payment_details");
    private static final Set<String> CREATE_PARAMS = union(
            UPDATE_PARAMS,
            CONFIRM_PARAMS,
            Set.of(
                    "confirm",
                    "confirmation_method",
                    "on_behalf_of",
                    "automatic_payment_methods",
                    "payment_method_configuration"));
    private static final Set<String> CANCELABLE =
            Set.of("requires_payment_method", "requires_capture", "requires_confirmation", "requires_action");

    private static final Set<String> CONFIRMABLE = Set.of("requires_payment_method", "requires_confirmation");
    private static final Set<String> EDITABLE =
            Set.of("requires_payment_method", "requires_confirmation", "requires_action");

    private final Engine engine;
    private final PaymentEngine payments;
    private final PaymentMethodEndpoints paymentMethods;
    private @Nullable SepaDebit sepa;
    private java.util.function.BiConsumer<Scope, String> destinationCheck = (scope, id) -> {};

    void sepa(SepaDebit value) {
        this.sepa = value;
    }

    /** Validates {@code transfer_data[destination]} (an account with an active transfers capability). */
    void destinationCheck(java.util.function.BiConsumer<Scope, String> value) {
        this.destinationCheck = value;
    }

    PaymentIntentEndpoints(Engine engine, PaymentEngine payments, PaymentMethodEndpoints paymentMethods) {
        this.engine = engine;
        this.payments = payments;
        this.paymentMethods = paymentMethods;
        engine.onTimer(Timer.Kind.CAPTURE_EXPIRY, this::expire);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    void register(Router router) {
        router.add("POST", "/v1/payment_intents", CREATE_PARAMS, this::create);
        router.add("GET", "/v1/payment_intents/{id}", Set.of("client_secret"), this::retrieve);
        router.add("POST", "/v1/payment_intents/{id}", UPDATE_PARAMS, this::update);
        router.add("POST", "/v1/payment_intents/{id}/confirm", CONFIRM_PARAMS, this::confirmCall);
        router.add(
                "POST",
                "/v1/payment_intents/{id}/capture",
                Set.of(
                        "amount_to_capture",
                        "application_fee_amount",
                        "metadata",
                        "statement_descriptor",
                        "statement_descriptor_suffix",
                        "transfer_data",
                        "final_capture",
                        "amount_details",
                        "hooks",
                        "payment_details"),
                this::capture);
        router.add("POST", "/v1/payment_intents/{id}/cancel", Set.of("cancellation_reason"), this::cancel);
        router.add(
                "GET",
                "/v1/payment_intents",
                Set.of("customer", "created", "limit", "starting_after", "ending_before"),
                this::list);
    }

    // ---------------------------------------------------------------- create / update

    private JsonObject create(ApiCall c) {
        Params p = c.params();
        long amount = amount(p.requiredLong("amount"), p.requiredString("currency"));
        String currency = currency(p.requiredString("currency"));
        String id = Ids.next("pi");
        JsonObject pi = new JsonObject();
        pi.addProperty("id", id);
        pi.addProperty("object", "payment_intent");
        pi.addProperty("amount", amount);
        pi.addProperty("amount_capturable", 0);
        pi.add("amount_details", Json.obj("tip", new JsonObject()));
        pi.addProperty("amount_received", 0);
        pi.add("application", null);
        pi.add("application_fee_amount", null);
        JsonObject apm = p.object("automatic_payment_methods");
        pi.add(
                "automatic_payment_methods",
                apm == null ? null : Json.obj("allow_redirects", Json.str(apm, "allow_redirects"), "enabled", true));
        pi.add("canceled_at", null);
        pi.add("cancellation_reason", null);
        pi.addProperty("capture_method", "automatic_async");
        pi.addProperty("client_secret", id + "_secret_" + Ids.random(25));
        pi.addProperty("confirmation_method", "automatic");
        pi.addProperty("created", engine.now());
        pi.addProperty("currency", currency);
        pi.add("customer", null);
        pi.add("description", null);
        pi.add("excluded_payment_method_types", null);
        pi.add("last_payment_error", null);
        pi.add("latest_charge", null);
        pi.addProperty("livemode", false);
        pi.add("metadata", new JsonObject());
        pi.add("next_action", null);
        pi.add("on_behalf_of", null);
        pi.add("payment_method", null);
        pi.add("payment_method_configuration_details", null);
        pi.add(
                "payment_method_options",
                Json.obj(
                        "card",
                        Json.obj(
                                "installments", null,
                                "mandate_options", null,
                                "network", null,
                                "request_three_d_secure", "automatic")));
        pi.add("payment_method_types", Json.array("card"));
        pi.add("processing", null);
        pi.add("receipt_email", null);
        pi.add("review", null);
        pi.add("setup_future_usage", null);
        pi.add("shipping", null);
        pi.add("source", null);
        pi.add("statement_descriptor", null);
        pi.add("statement_descriptor_suffix", null);
        pi.addProperty("status", "requires_payment_method");
        pi.add("transfer_data", null);
        pi.add("transfer_group", null);
        if (p.has("confirmation_method")) {
            pi.addProperty("confirmation_method", oneOf(p, "confirmation_method", Set.of("automatic", "manual")));
        }
        if (p.has("on_behalf_of")) {
            pi.addProperty("on_behalf_of", p.string("on_behalf_of"));
        }
        apply(c, pi);
        c.scope().put(pi);
        engine.emit(c.scope(), c.call(), "payment_intent.created", pi, null);
        if (p.flag("confirm")) {
            confirm(c, pi);
        }
        return engine.render(c.scope(), pi, c.expand());
    }

    private static long amount(long amount, String currency) {
        if (amount < 1) {
            throw ApiError.invalid(
                    "This value must be greater than or equal to 1.", "amount", "parameter_invalid_integer");
        }
        if (amount < 50 && Set.of("usd", "eur", "gbp", "chf").contains(currency)) {
            throw ApiError.invalid("Amount must be at least 50 cents", "amount", "amount_too_small");
        }
        if (amount > 99_999_999L) {
            throw ApiError.invalid("Amount must be no more than 999,999.99", "amount", "amount_too_large");
        }
        return amount;
    }

    private static String currency(String currency) {
        if (!currency.matches("[a-zA-Z]{3}")) {
            throw ApiError.invalid("Invalid currency: " + currency + ".", "currency", "parameter_invalid_string");
        }
        return currency.toLowerCase(java.util.Locale.ROOT);
    }

    private static String oneOf(Params p, String key, Set<String> allowed) {
        String v = p.string(key);
        if (v == null || !allowed.contains(v)) {
            throw ApiError.invalid(
                    "Invalid " + key + ": must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()),
                    key,
                    null);
        }
        return v;
    }

    /** Applies the writable fields shared by create, update and confirm. */
    private void apply(ApiCall c, JsonObject pi) {
        Params p = c.params();
        if (p.has("amount")) {
            pi.addProperty("amount", amount(p.requiredLong("amount"), Json.requiredStr(pi, "currency")));
        }
        if (p.has("currency")) {
            pi.addProperty("currency", currency(p.requiredString("currency")));
        }
        if (p.has("capture_method")) {
            pi.addProperty(
                    "capture_method", oneOf(p, "capture_method", Set.of("automatic", "automatic_async", "manual")));
        }
        if (p.has("customer")) {
            String customer = p.string("customer");
            if (customer != null && !customer.isEmpty()) {
                JsonObject cus = engine.require(c.scope(), customer, "customer", "customer");
                if (Json.bool(Engine.internal(cus), "deleted")) {
                    throw ApiError.noSuch("customer", customer, "customer");
                }
            }
            pi.add("customer", Json.of(customer == null || customer.isEmpty() ? null : customer));
        }
        for (String field : List.of(
                "description",
                "receipt_email",
                "statement_descriptor",
                "statement_descriptor_suffix",
                "transfer_group",
                "setup_future_usage")) {
            if (p.has(field)) {
                String v = p.string(field);
                pi.add(field, Json.of(v == null || v.isEmpty() ? null : v));
            }
        }
        if (p.has("application_fee_amount")) {
            Long fee = p.longValue("application_fee_amount");
            if (fee != null && fee > Json.num(pi, "amount")) {
                throw ApiError.invalid("The application fee cannot exceed the amount.", "application_fee_amount", null);
            }
            pi.add("application_fee_amount", Json.of(fee));
        }
        if (p.has("transfer_data")) {
            JsonObject td = p.object("transfer_data");
            if (td != null && !td.isEmpty()) {
                if (Json.str(td, "destination") == null) {
                    throw ApiError.missingParam("transfer_data[destination]");
                }
                destinationCheck.accept(c.scope(), Json.str(td, "destination"));
                if (td.has("amount")
                        && pi.has("application_fee_amount")
                        && !pi.get("application_fee_amount").isJsonNull()) {
                    throw ApiError.invalid(
                            "You cannot specify both transfer_data[amount] and application_fee_amount.",
                            "transfer_data[amount]",
                            null);
                }
            }
            pi.add(
                    "transfer_data",
                    td == null || td.isEmpty()
                            ? null
                            : Json.obj(
                                    "amount",
                                    td.has("amount") ? Long.parseLong(Json.str(td, "amount")) : null,
                                    "destination",
                                    Json.str(td, "destination")));
        }
        if (p.has("shipping")) {
            JsonObject s = p.object("shipping");
            pi.add(
                    "shipping",
                    s == null || s.isEmpty()
                            ? null
                            : Json.obj(
                                    "address", CustomerEndpoints.address(Json.child(s, "address")),
                                    "carrier", Json.str(s, "carrier"),
                                    "name", Json.str(s, "name"),
                                    "phone", Json.str(s, "phone"),
                                    "tracking_number", Json.str(s, "tracking_number")));
        }
        if (p.has("payment_method_types")) {
            List<String> types = p.strings("payment_method_types");
            for (String t : types) {
                if (!t.equals("card") && !t.equals("sepa_debit")) {
                    throw ApiError.invalid(
                            "The payment method type provided: " + t + " is invalid or not supported by the emulator"
                                    + " yet.",
                            "payment_method_types",
                            "payment_intent_invalid_parameter");
                }
            }
            pi.add("payment_method_types", Json.of(types));
        }
        Params options = p.nested("payment_method_options");
        if (options != null && options.nested("card") != null) {
            String request = options.nested("card").string("request_three_d_secure");
            if (request != null) {
                if (!Set.of("any", "automatic", "challenge").contains(request)) {
                    throw ApiError.invalid(
                            "Invalid request_three_d_secure",
                            "payment_method_options[card][request_three_d_secure]",
                            null);
                }
                Json.requiredChild(Json.requiredChild(pi, "payment_method_options"), "card")
                        .addProperty("request_three_d_secure", request);
            }
        }
        if (p.has("payment_method")) {
            String pmId = p.string("payment_method");
            if (pmId == null || pmId.isEmpty()) {
                pi.add("payment_method", null);
            } else {
                JsonObject pm = paymentMethods.resolve(c.scope(), pmId, "payment_method");
                pi.addProperty("payment_method", Json.str(pm, "id"));
            }
        }
        if (p.has("payment_method_data")) {
            pi.addProperty("payment_method", Json.str(paymentMethodFromData(c, p.object("payment_method_data")), "id"));
        }
        if (p.has("return_url")) {
            Engine.internal(pi).addProperty("return_url", p.string("return_url"));
        }
        if (Json.str(pi, "payment_method") != null && "requires_payment_method".equals(Json.str(pi, "status"))) {
            pi.addProperty("status", "requires_confirmation");
        }
        p.applyMetadata(pi);
    }

    private JsonObject paymentMethodFromData(ApiCall c, @Nullable JsonObject data) {
        JsonObject card = data == null ? null : Json.child(data, "card");
        if (card != null && Json.str(card, "token") != null) {
            return paymentMethods.resolve(
                    c.scope(), Json.requiredStr(card, "token"), "payment_method_data[card][token]");
        }
        throw ApiError.invalid(
                "payment_method_data is supported with card[token] (tok_*) only; create a PaymentMethod for raw card"
                        + " numbers.",
                "payment_method_data",
                null);
    }

    private JsonObject find(ApiCall c) {
        return engine.require(c.scope(), c.id(), "payment_intent", "intent");
    }

    private JsonObject retrieve(ApiCall c) {
        return engine.render(c.scope(), find(c), c.expand());
    }

    private JsonObject update(ApiCall c) {
        JsonObject pi = find(c);
        String status = Json.str(pi, "status");
        Params p = c.params();
        if (!EDITABLE.contains(status)) {
            for (String key :
                    List.of("amount", "currency", "payment_method", "payment_method_data", "capture_method")) {
                if (p.has(key)) {
                    throw ApiError.state(
                            "payment_intent_unexpected_state",
                            "This PaymentIntent's " + key + " could not be updated because it has a status of "
                                    + status + ". You may only update the " + key + " of a PaymentIntent with one of"
                                    + " the following statuses: requires_payment_method, requires_confirmation,"
                                    + " requires_action.",
                            key);
                }
            }
        }
        apply(c, pi);
        return engine.render(c.scope(), pi, c.expand());
    }

    private JsonObject list(ApiCall c) {
        String customer = c.params().string("customer");
        List<JsonObject> items = c.scope().ofType("payment_intent").stream()
                .filter(o -> customer == null || customer.equals(Json.str(o, "customer")))
                .toList();
        return engine.list(c.scope(), "/v1/payment_intents", items, c.params());
    }

    // ---------------------------------------------------------------- confirm / 3DS

    private JsonObject confirmCall(ApiCall c) {
        JsonObject pi = find(c);
        String status = Json.str(pi, "status");
        if (!CONFIRMABLE.contains(status)) {
            throw ApiError.state(
                    "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it has a status of " + status
                            + ". Only a PaymentIntent with one of the following statuses may be confirmed:"
                            + " requires_payment_method, requires_confirmation.",
                    null);
        }
        apply(c, pi);
        confirm(c, pi);
        return engine.render(c.scope(), pi, c.expand());
    }

    private void confirm(ApiCall c, JsonObject pi) {
        String pmId = Json.str(pi, "payment_method");
        if (pmId == null) {
            throw ApiError.state(
                    "payment_intent_unexpected_state",
                    "You cannot confirm this PaymentIntent because it's missing a payment method. You can either"
                            + " update the PaymentIntent with a payment method and then confirm it again, or confirm"
                            + " it again directly with a payment method.",
                    "payment_method");
        }
        JsonObject pm = engine.require(c.scope(), pmId, "payment_method", "payment_method");
        if (SepaDebit.isSepa(pm)) {
            Objects.requireNonNull(sepa, "sepa(...) wires the SEPA engine at start-up")
                    .confirm(c, pi, pm);
            return;
        }
        List<String> allowedTypes = new java.util.ArrayList<>();
        pi.getAsJsonArray("payment_method_types").forEach(e -> allowedTypes.add(e.getAsString()));
        if (!allowedTypes.contains("card")) {
            throw ApiError.invalid(
                    "The PaymentMethod provided (card) is not allowed for this PaymentIntent. Please attach a"
                            + " PaymentMethod of one of the following types: " + String.join(", ", allowedTypes) + ".",
                    "payment_method",
                    "payment_intent_invalid_parameter");
        }
        TestCard card = PaymentMethodEndpoints.card(pm);
        Params p = c.params();
        boolean offSession = p.has("off_session") && !"false".equals(p.string("off_session"));
        String request = Json.str(
                Json.requiredChild(Json.requiredChild(pi, "payment_method_options"), "card"), "request_three_d_secure");
        boolean asked = "any".equals(request) || "challenge".equals(request);
        boolean requested = asked && card.threeDs() != ThreeDs.NOT_SUPPORTED && card.threeDs() != ThreeDs.NOT_ENROLLED;
        if (card.threeDs() == ThreeDs.LOOKUP_ERROR) {
            throw payments.failWithoutCharge(
                    c.scope(),
                    c.call(),
                    pi,
                    pm,
                    "payment_intent_authentication_failure",
                    null,
                    "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a"
                            + " new PaymentMethod to attempt to fulfill this PaymentIntent again.");
        }
        if (card.threeDs() == ThreeDs.REQUIRED || requested) {
            if (offSession || p.flag("error_on_requires_action")) {
                throw payments.failWithoutCharge(
                        c.scope(),
                        c.call(),
                        pi,
                        pm,
                        "authentication_required",
                        "authentication_required",
                        "Your card was declined. This transaction requires authentication.");
            }
            requireAction(c, pi);
            return;
        }
        // a card not enrolled in 3-D Secure: the request asks the cardholder nothing (docs.stripe.com/testing)
        payments.authorize(
                c.scope(),
                c.call(),
                pi,
                pm,
                asked && card.threeDs() == ThreeDs.NOT_ENROLLED ? PaymentEngine.threeDsNotEnrolled(card) : null);
    }

    private void requireAction(ApiCall c, JsonObject pi) {
        String token = Ids.random(32);
        JsonObject internal = Engine.internal(pi);
        internal.addProperty("three_ds_token", token);
        String url = engine.baseUrl() + ThreeDsPage.PATH + token;
        String returnUrl = Json.str(internal, "return_url");
        JsonObject next;
        if (returnUrl != null) {
            next = Json.obj(
                    "redirect_to_url", Json.obj("return_url", returnUrl, "url", url), "type", "redirect_to_url");
        } else {
            next = Json.obj(
                    "type",
                    "use_stripe_sdk",
                    "use_stripe_sdk",
                    Json.obj("type", "three_d_secure_redirect", "stripe_js", url, "source", "src_" + Ids.random(24)));
        }
        pi.add("next_action", next);
        pi.addProperty("status", "requires_action");
        engine.emit(c.scope(), c.call(), "payment_intent.requires_action", pi, null);
    }

    /** Finds the PaymentIntent waiting on the 3DS page {@code token}. */
    @Nullable
    JsonObject byThreeDsToken(String token, Scope[] scopeOut) {
        for (Scope scope : engine.scopes()) {
            for (JsonObject pi : scope.ofType("payment_intent")) {
                if (token.equals(Json.str(Engine.internal(pi), "three_ds_token"))) {
                    scopeOut[0] = scope;
                    return pi;
                }
            }
        }
        return null;
    }

    /** Completes or fails the customer's 3DS challenge; returns the redirect target (or null without return_url). */
    @Nullable
    String authenticate(Scope scope, Engine.Call call, JsonObject pi, boolean succeed) {
        if (!"requires_action".equals(Json.str(pi, "status"))) {
            throw ApiError.state(
                    "payment_intent_unexpected_state",
                    "This PaymentIntent is not awaiting authentication; its status is " + Json.str(pi, "status") + ".",
                    null);
        }
        JsonObject pm = engine.require(scope, Json.str(pi, "payment_method"), "payment_method", "payment_method");
        Engine.internal(pi).remove("three_ds_token");
        boolean ok = succeed;
        if (succeed) {
            try {
                payments.authorize(
                        scope, call, pi, pm, PaymentEngine.threeDsAuthenticated(PaymentMethodEndpoints.card(pm)));
            } catch (ApiError declined) {
                ok = false;
            }
        } else {
            payments.failWithoutCharge(
                    scope,
                    call,
                    pi,
                    pm,
                    "payment_intent_authentication_failure",
                    null,
                    "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a"
                            + " new PaymentMethod to attempt to fulfill this PaymentIntent again.");
        }
        String returnUrl = Json.str(Engine.internal(pi), "return_url");
        if (returnUrl == null) {
            return null;
        }
        return returnUrl + (returnUrl.contains("?") ? "&" : "?") + "payment_intent=" + Json.str(pi, "id")
                + "&payment_intent_client_secret="
                + URLEncoder.encode(Json.str(pi, "client_secret"), StandardCharsets.UTF_8)
                + "&redirect_status=" + (ok ? "succeeded" : "failed");
    }

    // ---------------------------------------------------------------- capture / cancel / expiry

    private JsonObject capture(ApiCall c) {
        JsonObject pi = find(c);
        String status = Json.str(pi, "status");
        if (!"requires_capture".equals(status)) {
            throw ApiError.state(
                    "payment_intent_unexpected_state",
                    "This PaymentIntent could not be captured because it has a status of " + status + ". Only a"
                            + " PaymentIntent with one of the following statuses may be captured: requires_capture.",
                    null);
        }
        Params p = c.params();
        long capturable = Json.num(pi, "amount_capturable");
        Long requested = p.longValue("amount_to_capture");
        long amount = requested == null ? capturable : requested;
        if (amount > capturable) {
            throw ApiError.invalid(
                    "The amount to capture (" + amount + ") must be less than or equal to the amount_capturable ("
                            + capturable + ").",
                    "amount_to_capture",
                    "amount_too_large");
        }
        if (amount < 1) {
            throw ApiError.invalid("amount_to_capture must be positive", "amount_to_capture", null);
        }
        if (p.has("application_fee_amount")) {
            pi.add("application_fee_amount", Json.of(p.longValue("application_fee_amount")));
        }
        p.applyMetadata(pi);
        JsonObject charge = engine.require(c.scope(), Json.str(pi, "latest_charge"), "charge", "charge");
        payments.capture(c.scope(), c.call(), pi, charge, amount);
        return engine.render(c.scope(), pi, c.expand());
    }

    private JsonObject cancel(ApiCall c) {
        JsonObject pi = find(c);
        String status = Json.str(pi, "status");
        if (!CANCELABLE.contains(status)) {
            throw ApiError.state(
                    "payment_intent_unexpected_state",
                    "You cannot cancel this PaymentIntent because it has a status of " + status + ". Only a"
                            + " PaymentIntent with one of the following statuses may be canceled:"
                            + " requires_payment_method, requires_capture, requires_confirmation, requires_action,"
                            + " processing.",
                    null);
        }
        String reason = c.params().string("cancellation_reason");
        if (reason != null
                && !Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned")
                        .contains(reason)) {
            throw ApiError.invalid("Invalid cancellation_reason: " + reason, "cancellation_reason", null);
        }
        cancelIntent(c.scope(), c.call(), pi, reason, null);
        return engine.render(c.scope(), pi, c.expand());
    }

    private void cancelIntent(
            Scope scope, Engine.Call call, JsonObject pi, @Nullable String reason, @Nullable String refundReason) {
        boolean authorized = "requires_capture".equals(Json.str(pi, "status"));
        pi.addProperty("status", "canceled");
        pi.addProperty("canceled_at", engine.now());
        pi.add("cancellation_reason", Json.of(reason));
        pi.addProperty("amount_capturable", 0);
        pi.add("next_action", null);
        Engine.internal(pi).remove("three_ds_token");
        if (authorized) {
            JsonObject charge = Objects.requireNonNull(
                    scope.find(Json.str(pi, "latest_charge")), "an authorized intent has its charge");
            JsonObject before = charge.deepCopy();
            long amount = Json.num(charge, "amount");
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
                    Json.str(charge, "currency"),
                    "destination_details",
                    Json.obj("card", Json.obj("type", "reversal"), "type", "card"),
                    "metadata",
                    new JsonObject(),
                    "payment_intent",
                    Json.str(pi, "id"),
                    "reason",
                    refundReason,
                    "receipt_number",
                    null,
                    "source_transfer_reversal",
                    null,
                    "status",
                    "succeeded",
                    "transfer_reversal",
                    null);
            scope.put(refund);
            charge.addProperty("amount_refunded", amount);
            charge.addProperty("refunded", true);
            if (refundReason != null) {
                engine.emit(scope, call, "charge.expired", charge, null);
            } else {
                engine.emit(scope, call, "charge.refunded", charge, Engine.previousAttributes(before, charge));
            }
            // Stripe closes the charge's open Radar review when its authorization is cancelled
            String review = Json.str(charge, "review");
            if (review != null) {
                payments.closeReview(scope, call, review, "canceled");
            }
        }
        engine.emit(scope, call, "payment_intent.canceled", pi, null);
    }

    private void expire(Scope scope, Timer timer, Engine.Call call) {
        JsonObject pi = scope.find(timer.objectId());
        if (pi != null && "requires_capture".equals(Json.str(pi, "status"))) {
            cancelIntent(scope, call, pi, "automatic", "expired_uncaptured_charge");
        }
    }
}
