package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Connect: {@code /v1/accounts} with controller properties, capabilities and requirements, external bank accounts,
 * {@code /v1/account_links} with the hosted onboarding page, and the requirement control calls
 * (docs.stripe.com/api/accounts, /api/capabilities, /api/account_links, /connect/testing; stripe.md section 3).
 *
 * <p>Accounts live in the platform scope of the API key; {@code Stripe-Account} scopes exist only for accounts created
 * here. Events about an account ({@code account.updated}, {@code capability.updated}) are emitted in the connected
 * account's scope, so they reach {@code connect=true} endpoints with the {@code account} field.
 */
final class ConnectEndpoints {

    static final long LINK_TTL_SECONDS = 300;
    static final String ONBOARDING_PATH = "/_emulator/connect/onboarding/";
    static final List<String> CAPABILITIES = List.of("card_payments", "transfers", "sepa_debit_payments");
    static final long DEFAULT_DEADLINE_SECONDS = Duration.ofDays(14).toSeconds();

    /** Test bank account numbers (US routing 110000000) and their payout outcome (null = paid). */
    static final Map<String, String> PAYOUT_FAILURES = Map.of(
            "000111111116", "no_account",
            "000111111113", "account_closed",
            "000222222227", "insufficient_funds",
            "000333333335", "debit_not_authorized",
            "000444444440", "invalid_currency");

    private static final Map<String, String> BANK_TOKENS = Map.of(
            "btok_us_verified", "000123456789",
            "btok_us_verified_noAccount", "000111111116",
            "btok_us_verified_accountClosed", "000111111113",
            "btok_us_verified_insufficientFunds", "000222222227",
            "btok_us_verified_debitNotAuthorized", "000333333335",
            "btok_us_verified_invalidCurrency", "000444444440");

    private static final Set<String> WRITABLE = Set.of(
            "email",
            "business_type",
            "business_profile",
            "capabilities",
            "company",
            "individual",
            "external_account",
            "settings",
            "tos_acceptance",
            "metadata",
            "default_currency",
            "documents",
            "account_token");

    private final Engine engine;
    private BiConsumer<Scope, JsonObject> scheduleListener = (platform, account) -> {};

    ConnectEndpoints(Engine engine) {
        this.engine = engine;
        engine.onTimer(Timer.Kind.ACCOUNT_DEADLINE, this::deadlinePassed);
    }

    /** Called with (platform scope, account) whenever an account's payout schedule may have changed. */
    void onScheduleChange(BiConsumer<Scope, JsonObject> listener) {
        this.scheduleListener = listener;
    }

    void register(Router router) {
        Set<String> create = new java.util.HashSet<>(WRITABLE);
        create.addAll(Set.of("country", "type", "controller", "groups"));
        router.add("POST", "/v1/accounts", Set.copyOf(create), this::create);
        router.add("GET", "/v1/accounts/{id}", Set.of(), c -> render(c, account(c.scope(), c.id(), "account")));
        router.add("POST", "/v1/accounts/{id}", WRITABLE, this::update);
        router.add("DELETE", "/v1/accounts/{id}", Set.of(), c -> {
            JsonObject a = account(c.scope(), c.id(), "account");
            Engine.internal(a).addProperty("deleted", true);
            return Json.obj("id", c.id(), "object", "account", "deleted", true);
        });
        router.add(
                "GET",
                "/v1/accounts",
                Set.of("limit", "starting_after", "ending_before", "created"),
                c -> engine.list(c.scope(), "/v1/accounts", accounts(engine.platform(c.scope())), c.params()));
        router.add("GET", "/v1/account", Set.of(), this::self);
        router.add("GET", "/v1/accounts/{id}/capabilities", Set.of(), c -> {
            JsonObject a = account(c.scope(), c.id(), "account");
            JsonArray data = new JsonArray();
            for (String cap : CAPABILITIES) {
                if (Json.requiredChild(Engine.internal(a), "requested").has(cap)) {
                    data.add(capability(a, cap));
                }
            }
            return Json.obj(
                    "object",
                    "list",
                    "data",
                    data,
                    "has_more",
                    false,
                    "url",
                    "/v1/accounts/" + c.id() + "/capabilities");
        });
        router.add("GET", "/v1/accounts/{id}/capabilities/{cap}", Set.of(), c -> {
            JsonObject a = account(c.scope(), c.id(), "account");
            return capability(a, knownCapability(a, c.vars().get(1)));
        });
        router.add("POST", "/v1/accounts/{id}/capabilities/{cap}", Set.of("requested"), this::updateCapability);
        router.add("GET", "/v1/accounts/{id}/external_accounts", Set.of("object", "limit"), c -> {
            JsonObject a = account(c.scope(), c.id(), "account");
            return a.getAsJsonObject("external_accounts").deepCopy();
        });
        router.add(
                "POST",
                "/v1/accounts/{id}/external_accounts",
                Set.of("external_account", "default_for_currency", "metadata"),
                c -> {
                    JsonObject a = account(c.scope(), c.id(), "account");
                    JsonObject before = a.deepCopy();
                    JsonObject ba = addExternalAccount(a, c.params(), "external_account");
                    refresh(engine.platform(c.scope()), c.call(), a, before);
                    return ba.deepCopy();
                });
        router.add(
                "POST",
                "/v1/account_links",
                Set.of("account", "type", "refresh_url", "return_url", "collect", "collection_options"),
                this::createLink);
    }

    // ---------------------------------------------------------------- lookup

    static List<JsonObject> accounts(Scope platform) {
        return platform.ofType("account").stream()
                .filter(a -> !Json.bool(Engine.internal(a), "deleted"))
                .toList();
    }

    /** The account from the platform scope of {@code scope}, or 404. */
    JsonObject account(Scope scope, String id, String param) {
        JsonObject a = engine.platform(scope).find(id);
        if (a == null || !"account".equals(Json.str(a, "object")) || Json.bool(Engine.internal(a), "deleted")) {
            throw ApiError.noSuch("account", id, param);
        }
        return a;
    }

    /** Whether {@code Stripe-Account: id} names an account of this key. */
    static boolean exists(Engine engine, String apiKey, String id) {
        Scope platform = engine.scopeByKey(Scope.key(apiKey, null));
        JsonObject a = platform == null ? null : platform.find(id);
        return a != null && "account".equals(Json.str(a, "object")) && !Json.bool(Engine.internal(a), "deleted");
    }

    static @Nullable String capabilityStatus(JsonObject account, String cap) {
        JsonObject caps = Json.child(account, "capabilities");
        return caps == null ? null : Json.str(caps, cap);
    }

    static @Nullable String defaultExternalAccountNumber(JsonObject account) {
        JsonArray data = account.getAsJsonObject("external_accounts").getAsJsonArray("data");
        return data.isEmpty() ? null : Json.str(Engine.internal(data.get(0).getAsJsonObject()), "account_number");
    }

    static @Nullable JsonObject defaultExternalAccount(JsonObject account) {
        JsonArray data = account.getAsJsonObject("external_accounts").getAsJsonArray("data");
        return data.isEmpty() ? null : data.get(0).getAsJsonObject();
    }

    private JsonObject render(ApiCall c, JsonObject a) {
        return engine.render(engine.platform(c.scope()), a, c.expand());
    }

    private JsonObject self(ApiCall c) {
        String id = c.scope().account();
        if (id != null) {
            return render(c, account(c.scope(), id, "account"));
        }
        Scope platform = c.scope();
        JsonObject me = platform.find("acct_platform");
        if (me == null) {
            me = newAccount("acct_" + Ids.random(16), "US", null);
            Engine.internal(me).addProperty("platform", true);
            me.addProperty("charges_enabled", true);
            me.addProperty("payouts_enabled", true);
            me.addProperty("details_submitted", true);
            me.add("controller", Json.obj("type", "account"));
            me.addProperty("type", "standard");
        }
        JsonObject out = me.deepCopy();
        out.remove(Engine.INTERNAL);
        return out;
    }

    // ---------------------------------------------------------------- create / update

    private JsonObject newAccount(String id, String country, @Nullable String email) {
        JsonObject a = new JsonObject();
        a.addProperty("id", id);
        a.addProperty("object", "account");
        a.add(
                "business_profile",
                Json.obj(
                        "annual_revenue", null,
                        "estimated_worker_count", null,
                        "mcc", null,
                        "name", null,
                        "product_description", null,
                        "support_address", null,
                        "support_email", null,
                        "support_phone", null,
                        "support_url", null,
                        "url", null));
        a.add("business_type", null);
        a.add("capabilities", new JsonObject());
        a.addProperty("charges_enabled", false);
        a.add("controller", null);
        a.addProperty("country", country);
        a.addProperty("created", engine.now());
        a.addProperty("default_currency", defaultCurrency(country));
        a.addProperty("details_submitted", false);
        a.add("email", Json.of(email));
        a.add(
                "external_accounts",
                Json.obj(
                        "object",
                        "list",
                        "data",
                        new JsonArray(),
                        "has_more",
                        false,
                        "url",
                        "/v1/accounts/" + id + "/external_accounts"));
        a.add("future_requirements", requirements(List.of(), List.of(), null, null));
        a.add("metadata", new JsonObject());
        a.addProperty("payouts_enabled", false);
        a.add("requirements", requirements(List.of(), List.of(), null, null));
        a.add(
                "settings",
                Json.obj(
                        "payouts",
                        Json.obj(
                                "debit_negative_balances",
                                true,
                                "schedule",
                                Json.obj("delay_days", 2, "interval", "daily"),
                                "statement_descriptor",
                                null)));
        a.add("tos_acceptance", Json.obj("date", null, "ip", null, "user_agent", null));
        a.addProperty("type", "standard");
        return a;
    }

    static String defaultCurrency(String country) {
        return switch (country) {
            case "DE", "FR", "NL", "AT", "BE", "ES", "IT", "IE", "FI", "PT", "LU", "GR", "SK", "SI", "EE", "LV", "LT" ->
                "eur";
            case "GB" -> "gbp";
            case "CH" -> "chf";
            case "CA" -> "cad";
            case "AU" -> "aud";
            default -> "usd";
        };
    }

    private JsonObject create(ApiCall c) {
        Params p = c.params();
        if (c.scope().account() != null) {
            throw ApiError.invalid(
                    "Connected accounts cannot create other accounts; call without Stripe-Account.", null, null);
        }
        String country =
                p.string("country") == null ? "US" : p.string("country").toUpperCase(Locale.ROOT);
        JsonObject a = newAccount(Ids.next("acct").substring(0, 21), country, p.string("email"));
        a.add("controller", controller(p));
        a.addProperty("type", legacyType(p, Json.requiredChild(a, "controller")));
        JsonObject internal = Engine.internal(a);
        internal.add("requested", new JsonObject());
        internal.add("extra_due", new JsonArray());
        internal.addProperty("past_due", false);
        Params caps = p.nested("capabilities");
        if (caps == null) {
            internal.getAsJsonObject("requested").addProperty("card_payments", engine.now());
            internal.getAsJsonObject("requested").addProperty("transfers", engine.now());
        }
        if ("application".equals(Json.str(Json.requiredChild(a, "controller"), "requirement_collection"))) {
            Json.requiredChild(Json.requiredChild(a, "settings"), "payouts")
                    .addProperty("debit_negative_balances", false);
        }
        apply(c, a);
        c.scope().put(a);
        compute(a);
        engine.scope(c.scope().apiKey(), Json.str(a, "id"));
        scheduleListener.accept(c.scope(), a);
        return render(c, a);
    }

    private static JsonObject controller(Params p) {
        String type = p.string("type");
        String payer = "account";
        String losses = "stripe";
        String collection = "stripe";
        String dashboard = "full";
        if ("express".equals(type)) {
            payer = "application_express";
            losses = "application";
            dashboard = "express";
        } else if ("custom".equals(type)) {
            payer = "application_custom";
            losses = "application";
            collection = "application";
            dashboard = "none";
        } else if (type != null && !type.equals("standard")) {
            throw ApiError.invalid("Invalid type: must be one of custom, express, or standard", "type", null);
        }
        Params ctl = p.nested("controller");
        if (ctl != null) {
            if (type != null) {
                throw ApiError.invalid(
                        "You cannot specify both `type` and `controller`; use controller properties only.",
                        "controller",
                        null);
            }
            Params fees = ctl.nested("fees");
            Params loss = ctl.nested("losses");
            Params dash = ctl.nested("stripe_dashboard");
            payer = fees != null && fees.string("payer") != null ? fees.string("payer") : payer;
            losses = loss != null && loss.string("payments") != null ? loss.string("payments") : losses;
            collection =
                    ctl.string("requirement_collection") != null ? ctl.string("requirement_collection") : collection;
            dashboard = dash != null && dash.string("type") != null ? dash.string("type") : dashboard;
            check(payer, Set.of("account", "application"), "controller[fees][payer]");
            check(losses, Set.of("stripe", "application"), "controller[losses][payments]");
            check(collection, Set.of("stripe", "application"), "controller[requirement_collection]");
            check(dashboard, Set.of("full", "express", "none"), "controller[stripe_dashboard][type]");
            if (collection.equals("application")
                    && (!payer.equals("application") || !losses.equals("application") || !dashboard.equals("none"))) {
                throw ApiError.invalid(
                        "When `controller[requirement_collection]` is `application`, `controller[fees][payer]` and"
                                + " `controller[losses][payments]` must be `application` and"
                                + " `controller[stripe_dashboard][type]` must be `none`.",
                        "controller",
                        null);
            }
            if (!dashboard.equals("full") && losses.equals("stripe") && payer.equals("application")) {
                throw ApiError.invalid(
                        "The platform must be liable for negative balances (`controller[losses][payments]=application`)"
                                + " when it pays the fees and the account has no full Stripe Dashboard.",
                        "controller[losses][payments]",
                        null);
            }
        }
        return Json.obj(
                "fees",
                Json.obj("payer", payer),
                "is_controller",
                true,
                "losses",
                Json.obj("payments", losses),
                "requirement_collection",
                collection,
                "stripe_dashboard",
                Json.obj("type", dashboard),
                "type",
                "application");
    }

    private static String legacyType(Params p, JsonObject controller) {
        if (p.string("type") != null) {
            return p.string("type");
        }
        String dashboard = Json.requiredStr(Json.requiredChild(controller, "stripe_dashboard"), "type");
        return switch (dashboard) {
            case "full" -> "standard";
            case "express" -> "express";
            default -> "application".equals(Json.str(controller, "requirement_collection")) ? "custom" : "none";
        };
    }

    /** The value when it is one of {@code allowed}; a 400 naming {@code param} otherwise (also when it is absent). */
    private static String check(@Nullable String value, Set<String> allowed, String param) {
        if (value == null || !allowed.contains(value)) {
            throw ApiError.invalid(
                    "Invalid " + param + ": must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()),
                    param,
                    null);
        }
        return value;
    }

    private JsonObject update(ApiCall c) {
        JsonObject a = account(c.scope(), c.id(), "account");
        JsonObject before = a.deepCopy();
        apply(c, a);
        refresh(engine.platform(c.scope()), c.call(), a, before);
        scheduleListener.accept(engine.platform(c.scope()), a);
        return render(c, a);
    }

    /** Applies the writable fields of create and update. */
    private void apply(ApiCall c, JsonObject a) {
        Params p = c.params();
        JsonObject internal = Engine.internal(a);
        if (p.has("email")) {
            a.add("email", Json.of(p.string("email")));
        }
        if (p.has("default_currency")) {
            a.addProperty(
                    "default_currency", p.requiredString("default_currency").toLowerCase(Locale.ROOT));
        }
        if (p.has("business_type")) {
            String bt = check(
                    p.string("business_type"),
                    Set.of("company", "government_entity", "individual", "non_profit"),
                    "business_type");
            a.addProperty("business_type", bt);
        }
        Params bp = p.nested("business_profile");
        if (bp != null) {
            JsonObject profile = Json.requiredChild(a, "business_profile");
            for (String f : List.of(
                    "mcc", "name", "product_description", "support_email", "support_phone", "support_url", "url")) {
                if (bp.has(f)) {
                    profile.add(f, Json.of(bp.string(f)));
                }
            }
        }
        Params individual = p.nested("individual");
        if (individual != null) {
            internal.add("individual", individual.tree().deepCopy());
        }
        Params company = p.nested("company");
        if (company != null) {
            internal.add("company", company.tree().deepCopy());
        }
        Params tos = p.nested("tos_acceptance");
        if (tos != null) {
            JsonObject t = Json.requiredChild(a, "tos_acceptance");
            if (tos.has("date")) {
                t.addProperty("date", tos.requiredLong("date"));
            }
            if (tos.has("ip")) {
                t.add("ip", Json.of(tos.string("ip")));
            }
            if (tos.has("user_agent")) {
                t.add("user_agent", Json.of(tos.string("user_agent")));
            }
            if (tos.has("service_agreement")) {
                t.add("service_agreement", Json.of(tos.string("service_agreement")));
            }
        }
        Params caps = p.nested("capabilities");
        if (caps != null) {
            for (String cap : caps.tree().keySet()) {
                knownName(cap);
                Params cp = caps.nested(cap);
                Boolean requested = cp == null ? null : cp.bool("requested");
                if (Boolean.TRUE.equals(requested)) {
                    if (!internal.getAsJsonObject("requested").has(cap)) {
                        internal.getAsJsonObject("requested").addProperty(cap, engine.now());
                    }
                } else if (Boolean.FALSE.equals(requested)) {
                    internal.getAsJsonObject("requested").remove(cap);
                }
            }
        }
        if (p.has("external_account")) {
            addExternalAccount(a, p, "external_account");
        }
        Params settings = p.nested("settings");
        Params payouts = settings == null ? null : settings.nested("payouts");
        if (payouts != null) {
            JsonObject target = Json.requiredChild(Json.requiredChild(a, "settings"), "payouts");
            if (payouts.has("debit_negative_balances")) {
                target.addProperty("debit_negative_balances", payouts.flag("debit_negative_balances"));
            }
            if (payouts.has("statement_descriptor")) {
                target.add("statement_descriptor", Json.of(payouts.string("statement_descriptor")));
            }
            Params schedule = payouts.nested("schedule");
            if (schedule != null) {
                target.add("schedule", schedule(schedule, Json.requiredChild(target, "schedule")));
            }
        }
        p.applyMetadata(a);
    }

    private static JsonObject schedule(Params s, JsonObject current) {
        String interval = check(
                s.string("interval") != null ? s.string("interval") : Json.str(current, "interval"),
                Set.of("manual", "daily", "weekly", "monthly"),
                "settings[payouts][schedule][interval]");
        long delay = Json.num(current, "delay_days");
        if (s.has("delay_days")) {
            String d = s.string("delay_days");
            if ("minimum".equals(d)) {
                delay = 2;
            } else {
                delay = s.requiredLong("delay_days");
                if (delay < 2 || delay > 31) {
                    throw ApiError.invalid(
                            "delay_days must be between 2 (the minimum for this country) and 31.",
                            "settings[payouts][schedule][delay_days]",
                            null);
                }
            }
        }
        JsonObject out = Json.obj("delay_days", delay, "interval", interval);
        if (interval.equals("weekly")) {
            String anchor = check(
                    s.string("weekly_anchor") != null
                            ? s.string("weekly_anchor")
                            : (current.has("weekly_anchor") ? Json.str(current, "weekly_anchor") : "monday"),
                    Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
                    "settings[payouts][schedule][weekly_anchor]");
            out.addProperty("weekly_anchor", anchor);
        }
        if (interval.equals("monthly")) {
            long anchor = s.has("monthly_anchor")
                    ? s.requiredLong("monthly_anchor")
                    : (current.has("monthly_anchor") ? Json.num(current, "monthly_anchor") : 1);
            if (anchor < 1 || anchor > 31) {
                throw ApiError.invalid(
                        "monthly_anchor must be between 1 and 31", "settings[payouts][schedule][monthly_anchor]", null);
            }
            out.addProperty("monthly_anchor", anchor);
        }
        return out;
    }

    private JsonObject addExternalAccount(JsonObject a, Params p, String param) {
        String number;
        String routing;
        String country = Json.str(a, "country");
        String currency = Json.str(a, "default_currency");
        String holder = null;
        JsonElement raw = p.tree().get(param);
        if (raw != null && raw.isJsonPrimitive()) {
            String token = raw.getAsString();
            number = BANK_TOKENS.get(token);
            if (number == null) {
                throw ApiError.noSuch("token", token, param);
            }
            routing = "110000000";
            country = "US";
            currency = "usd";
        } else {
            Params ba = p.nested(param);
            if (ba == null) {
                throw ApiError.missingParam(param);
            }
            number = ba.requiredString("account_number").replace(" ", "");
            routing = ba.string("routing_number");
            country = ba.string("country") != null ? ba.string("country").toUpperCase(Locale.ROOT) : country;
            currency = ba.string("currency") != null ? ba.string("currency").toLowerCase(Locale.ROOT) : currency;
            holder = ba.string("account_holder_name");
            if (routing == null && !number.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
                throw ApiError.invalid(
                        "Missing routing_number: a routing number is required for non-IBAN bank accounts.",
                        param + "[routing_number]",
                        "parameter_missing");
            }
        }
        JsonObject bank = Json.obj(
                "id",
                Ids.next("ba"),
                "object",
                "bank_account",
                "account",
                Json.str(a, "id"),
                "account_holder_name",
                holder,
                "account_holder_type",
                null,
                "account_type",
                null,
                "available_payout_methods",
                Json.array("standard"),
                "bank_name",
                "STRIPE TEST BANK",
                "country",
                country,
                "currency",
                currency,
                "default_for_currency",
                true,
                "fingerprint",
                PaymentMethodEndpoints.fingerprint("ba:" + number),
                "last4",
                number.substring(number.length() - 4),
                "metadata",
                new JsonObject(),
                "routing_number",
                routing,
                "status",
                "new");
        Engine.internal(bank).addProperty("account_number", number);
        JsonArray data = a.getAsJsonObject("external_accounts").getAsJsonArray("data");
        for (JsonElement e : data) {
            e.getAsJsonObject().addProperty("default_for_currency", false);
        }
        JsonArray replaced = new JsonArray();
        replaced.add(bank);
        replaced.addAll(data);
        a.getAsJsonObject("external_accounts").add("data", replaced);
        JsonObject out = bank.deepCopy();
        out.remove(Engine.INTERNAL);
        return out;
    }

    // ---------------------------------------------------------------- requirements and capabilities

    private static final List<String> BASE_FIELDS = List.of(
            "business_profile.url", "business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip");

    /** The onboarding fields still missing (what the hosted onboarding page collects). */
    private static List<String> missing(JsonObject a) {
        JsonObject internal = Engine.internal(a);
        if (Json.bool(internal, "onboarded")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        JsonObject profile = Json.requiredChild(a, "business_profile");
        if (Json.str(profile, "url") == null && Json.str(profile, "product_description") == null) {
            out.add("business_profile.url");
        }
        if (Json.str(a, "business_type") == null) {
            out.add("business_type");
        }
        if (a.getAsJsonObject("external_accounts").getAsJsonArray("data").isEmpty()) {
            out.add("external_account");
        }
        String type = Json.str(a, "business_type");
        if ("company".equals(type) || "non_profit".equals(type) || "government_entity".equals(type)) {
            JsonObject company = Json.child(internal, "company");
            if (company == null || Json.str(company, "name") == null) {
                out.add("company.name");
            }
        } else {
            JsonObject ind = Json.child(internal, "individual");
            if (ind == null || Json.str(ind, "first_name") == null) {
                out.add("individual.first_name");
            }
            if (ind == null || Json.str(ind, "last_name") == null) {
                out.add("individual.last_name");
            }
        }
        JsonObject tos = Json.requiredChild(a, "tos_acceptance");
        if (tos.get("date").isJsonNull()) {
            out.add("tos_acceptance.date");
        }
        if (tos.get("ip").isJsonNull()) {
            out.add("tos_acceptance.ip");
        }
        return out;
    }

    private static JsonObject requirements(
            List<String> currentlyDue, List<String> pastDue, @Nullable Long deadline, @Nullable String disabledReason) {
        return Json.obj(
                "alternatives",
                new JsonArray(),
                "current_deadline",
                deadline,
                "currently_due",
                Json.of(currentlyDue),
                "disabled_reason",
                disabledReason,
                "errors",
                new JsonArray(),
                "eventually_due",
                Json.of(currentlyDue),
                "past_due",
                Json.of(pastDue),
                "pending_verification",
                new JsonArray());
    }

    /** Recomputes requirements, enabled flags and capability statuses from the account's data and control state. */
    private static void compute(JsonObject a) {
        JsonObject internal = Engine.internal(a);
        List<String> missing = missing(a);
        List<String> extra = new ArrayList<>();
        internal.getAsJsonArray("extra_due").forEach(e -> extra.add(e.getAsString()));
        boolean pastDue = Json.bool(internal, "past_due");
        LinkedHashSet<String> due = new LinkedHashSet<>(missing);
        due.addAll(extra);
        boolean enabled;
        JsonObject req;
        if (!missing.isEmpty()) {
            LinkedHashSet<String> past = new LinkedHashSet<>(missing);
            if (pastDue) {
                past.addAll(extra);
            }
            req = requirements(List.copyOf(due), List.copyOf(past), null, "requirements.past_due");
            enabled = false;
        } else if (!extra.isEmpty() && pastDue) {
            req = requirements(extra, extra, null, "requirements.past_due");
            enabled = false;
        } else if (!extra.isEmpty()) {
            Long deadline = internal.has("deadline") ? Json.num(internal, "deadline") : null;
            req = requirements(extra, List.of(), deadline, null);
            enabled = true;
        } else {
            req = requirements(List.of(), List.of(), null, null);
            enabled = true;
        }
        a.add("requirements", req);
        a.addProperty("details_submitted", missing.isEmpty());
        a.addProperty("charges_enabled", enabled);
        a.addProperty("payouts_enabled", enabled);
        JsonObject caps = new JsonObject();
        for (String cap : CAPABILITIES) {
            if (internal.getAsJsonObject("requested").has(cap)) {
                caps.addProperty(cap, enabled ? "active" : "inactive");
            }
        }
        a.add("capabilities", caps);
    }

    /** Recomputes and emits {@code account.updated} and {@code capability.updated} for what changed. */
    void refresh(Scope platform, Engine.Call call, JsonObject a, JsonObject before) {
        compute(a);
        JsonObject prev = Engine.previousAttributes(before, a);
        prev.remove(Engine.INTERNAL);
        if (prev.isEmpty()) {
            return;
        }
        Scope connected = engine.scope(platform.apiKey(), Json.str(a, "id"));
        engine.emit(connected, call, "account.updated", a, prev);
        JsonObject oldCaps = Json.child(before, "capabilities");
        for (String cap : CAPABILITIES) {
            String now = capabilityStatus(a, cap);
            String was = oldCaps == null ? null : Json.str(oldCaps, cap);
            if (now != null && !now.equals(was)) {
                engine.emit(
                        connected,
                        call,
                        "capability.updated",
                        capability(a, cap),
                        Json.obj("status", was == null ? "unrequested" : was));
            }
        }
        // as Stripe: a bank account added to a connected account is announced as account.external_account.created
        Set<String> known = new HashSet<>();
        JsonObject beforeAccounts = Json.child(before, "external_accounts");
        if (beforeAccounts != null && beforeAccounts.has("data")) {
            for (JsonElement e : beforeAccounts.getAsJsonArray("data")) {
                known.add(Objects.requireNonNullElse(Json.str(e.getAsJsonObject(), "id"), ""));
            }
        }
        for (JsonElement e : a.getAsJsonObject("external_accounts").getAsJsonArray("data")) {
            JsonObject bank = e.getAsJsonObject();
            if (!known.contains(Objects.requireNonNullElse(Json.str(bank, "id"), ""))) {
                JsonObject shown = bank.deepCopy();
                shown.remove(Engine.INTERNAL);
                engine.emit(connected, call, "account.external_account.created", shown, null);
            }
        }
    }

    private static void knownName(String cap) {
        if (!CAPABILITIES.contains(cap)) {
            throw ApiError.invalid(
                    "The capability " + cap + " is not supported by the FreightGate Stripe emulator (supported: "
                            + String.join(", ", CAPABILITIES) + ").",
                    "capabilities",
                    null);
        }
    }

    private static String knownCapability(JsonObject a, String cap) {
        knownName(cap);
        return cap;
    }

    static JsonObject capability(JsonObject a, String cap) {
        JsonObject internal = Engine.internal(a);
        JsonElement requestedAt = internal.getAsJsonObject("requested").get(cap);
        String status = capabilityStatus(a, cap);
        JsonObject req = Json.requiredChild(a, "requirements").deepCopy();
        return Json.obj(
                "id",
                cap,
                "object",
                "capability",
                "account",
                Json.str(a, "id"),
                "future_requirements",
                requirements(List.of(), List.of(), null, null),
                "requested",
                requestedAt != null,
                "requested_at",
                requestedAt,
                "requirements",
                req,
                "status",
                status == null ? "unrequested" : status);
    }

    private JsonObject updateCapability(ApiCall c) {
        JsonObject a = account(c.scope(), c.id(), "account");
        String cap = knownCapability(a, c.vars().get(1));
        JsonObject before = a.deepCopy();
        JsonObject requested = Engine.internal(a).getAsJsonObject("requested");
        if (c.params().flag("requested")) {
            if (!requested.has(cap)) {
                requested.addProperty(cap, engine.now());
            }
        } else if (Boolean.FALSE.equals(c.params().bool("requested"))) {
            requested.remove(cap);
        }
        refresh(engine.platform(c.scope()), c.call(), a, before);
        return capability(a, cap);
    }

    /** The control call: makes fields currently due (with a deadline), past due, or satisfies everything. */
    void changeRequirements(Scope platform, Engine.Call call, JsonObject a, AccountRequirements change) {
        JsonObject before = a.deepCopy();
        JsonObject internal = Engine.internal(a);
        switch (change.state()) {
            case SATISFIED -> {
                internal.addProperty("onboarded", true);
                internal.add("extra_due", new JsonArray());
                internal.addProperty("past_due", false);
                internal.remove("deadline");
                if (a.getAsJsonObject("external_accounts")
                        .getAsJsonArray("data")
                        .isEmpty()) {
                    addDefaultBankAccount(a);
                }
            }
            case CURRENTLY_DUE, PAST_DUE -> {
                List<String> fields =
                        change.fields().isEmpty() ? List.of("individual.verification.document") : change.fields();
                internal.add("extra_due", Json.of(fields));
                boolean past = change.state() == AccountRequirements.State.PAST_DUE;
                internal.addProperty("past_due", past);
                if (past) {
                    internal.remove("deadline");
                } else {
                    long deadline = change.deadline() != null
                            ? change.deadline().getEpochSecond()
                            : engine.now() + DEFAULT_DEADLINE_SECONDS;
                    internal.addProperty("deadline", deadline);
                    engine.schedule(deadline, platform, Timer.Kind.ACCOUNT_DEADLINE, Json.requiredStr(a, "id"));
                }
            }
        }
        refresh(platform, call, a, before);
    }

    private void deadlinePassed(Scope platform, Timer timer, Engine.Call call) {
        JsonObject a = platform.find(timer.objectId());
        if (a == null) {
            return;
        }
        JsonObject internal = Engine.internal(a);
        if (!internal.has("deadline") || Json.num(internal, "deadline") != timer.due()) {
            return;
        }
        JsonObject before = a.deepCopy();
        internal.addProperty("past_due", true);
        internal.remove("deadline");
        refresh(platform, call, a, before);
    }

    private void addDefaultBankAccount(JsonObject a) {
        JsonObject tree = new JsonObject();
        if ("usd".equals(Json.str(a, "default_currency"))) {
            tree.addProperty("external_account", "btok_us_verified");
        } else {
            tree.add(
                    "external_account",
                    Json.obj(
                            "object",
                            "bank_account",
                            "country",
                            Json.str(a, "country"),
                            "currency",
                            Json.str(a, "default_currency"),
                            "account_number",
                            "DE89370400440532013000"));
        }
        addExternalAccount(a, new Params(tree), "external_account");
    }

    // ---------------------------------------------------------------- account links and the onboarding page

    private JsonObject createLink(ApiCall c) {
        Params p = c.params();
        JsonObject a = account(c.scope(), p.requiredString("account"), "account");
        String type = p.requiredString("type");
        check(type, Set.of("account_onboarding", "account_update"), "type");
        JsonObject controller = Json.requiredChild(a, "controller");
        if (type.equals("account_update") && !"application".equals(Json.str(controller, "requirement_collection"))) {
            throw ApiError.invalid(
                    "You cannot create `account_update` type Account Links for accounts where Stripe collects"
                            + " requirements (controller[requirement_collection]=stripe); use `account_onboarding`.",
                    "type",
                    null);
        }
        String refresh = p.string("refresh_url");
        String ret = p.string("return_url");
        if (ret == null) {
            throw ApiError.missingParam("return_url");
        }
        String token = Ids.random(32);
        long now = engine.now();
        JsonObject state = Json.obj(
                "id",
                "acctlink_" + token,
                "object",
                "account_link_session",
                "account",
                Json.str(a, "id"),
                "type",
                type,
                "refresh_url",
                refresh,
                "return_url",
                ret,
                "created",
                now,
                "expires_at",
                now + LINK_TTL_SECONDS,
                "state",
                "new");
        engine.platform(c.scope()).put(state);
        return Json.obj(
                "object",
                "account_link",
                "created",
                now,
                "expires_at",
                now + LINK_TTL_SECONDS,
                "url",
                engine.baseUrl() + ONBOARDING_PATH + token);
    }

    /** The hosted onboarding page behind an account link (single use, expires after 5 minutes). */
    void onboardingPage(HttpExchange exchange, String method, String token, byte[] body) throws IOException {
        if (!token.matches("[A-Za-z0-9]+")) {
            ControlApi.html(exchange, 404, page("Unknown onboarding session."));
            return;
        }
        Engine.Call call = Engine.Call.system();
        String redirect;
        String html = null;
        engine.lock.lock();
        try {
            Scope platform = null;
            JsonObject session = null;
            for (Scope s : engine.scopes()) {
                JsonObject found = s.find("acctlink_" + token);
                if (found != null) {
                    platform = s;
                    session = found;
                    break;
                }
            }
            if (session == null) {
                ControlApi.html(exchange, 404, page("Unknown onboarding session."));
                return;
            }
            Scope sessionScope = Objects.requireNonNull(platform, "found with the session");
            String state = Json.requiredStr(session, "state");
            boolean expired = engine.now() > Json.num(session, "expires_at");
            if (method.equals("GET")) {
                if (expired || !state.equals("new")) {
                    redirect = Json.str(session, "refresh_url");
                    if (redirect == null) {
                        html = page("This account link has expired or was already used. Create a new one.");
                    }
                } else {
                    session.addProperty("state", "visited");
                    redirect = null;
                    html = page("<p>Onboarding for <b>" + Json.str(session, "account") + "</b> ("
                            + Json.str(session, "type") + ").</p>"
                            + "<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"submit\">"
                            + "<button id=\"submit\">Submit onboarding details</button></form>");
                }
            } else if (method.equals("POST")) {
                if (!state.equals("visited") || engine.now() > Json.num(session, "expires_at") + 3600) {
                    redirect = Json.str(session, "refresh_url");
                    if (redirect == null) {
                        html = page("This onboarding session is no longer valid.");
                    }
                } else {
                    session.addProperty("state", "used");
                    JsonObject a = Objects.requireNonNull(
                            sessionScope.find(Json.str(session, "account")), "the session's account");
                    if (new String(body, StandardCharsets.UTF_8).contains("action=submit")) {
                        JsonObject tos = Json.requiredChild(a, "tos_acceptance");
                        if (tos.get("date").isJsonNull()) {
                            tos.addProperty("date", engine.now());
                            tos.addProperty("ip", "127.0.0.1");
                        }
                        changeRequirements(sessionScope, call, a, AccountRequirements.satisfied());
                    }
                    redirect = Json.str(session, "return_url");
                }
            } else {
                ControlApi.html(exchange, 405, page("Method not allowed."));
                return;
            }
            engine.persist();
        } finally {
            engine.lock.unlock();
        }
        engine.publish(call);
        if (redirect != null) {
            exchange.getResponseHeaders().set("Location", redirect);
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        ControlApi.html(exchange, 200, Objects.requireNonNull(html, "every path without a redirect has a page"));
    }

    private static String page(String content) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>FreightGate Stripe emulator - Connect"
                + " onboarding</title></head><body><h1>Connect onboarding test page</h1>" + content
                + "</body></html>";
    }
}
