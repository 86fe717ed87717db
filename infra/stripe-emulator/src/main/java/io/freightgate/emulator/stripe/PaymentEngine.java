package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.freightgate.emulator.stripe.TestCard.Decline;
import io.freightgate.emulator.stripe.TestCard.Risk;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Card authorization as Stripe's test mode does it: Radar evaluation, issuer declines, charges with {@code outcome},
 * 3-D Secure results, captures and balance transactions with fees.
 */
final class PaymentEngine {

    static final long CAPTURE_WINDOW_SECONDS = Duration.ofDays(7).toSeconds();
    static final long PENDING_FUNDS_SECONDS = Duration.ofDays(2).toSeconds();
    static final String BLOCK_RULE = "block_if_high_risk";
    static final String REVIEW_RULE = "review_if_elevated_risk";

    /** Reacts to a charge whose funds were just captured (transfers, application fees, disputes). */
    interface ChargeListener {
        void settled(Scope scope, Engine.Call call, JsonObject charge, JsonObject chargeTransaction);
    }

    private final Engine engine;
    private final List<ChargeListener> listeners = new java.util.ArrayList<>();
    private java.util.function.ToLongFunction<Scope> pendingSeconds = scope -> PENDING_FUNDS_SECONDS;

    void onChargeSettled(ChargeListener listener) {
        listeners.add(listener);
    }

    /** How long new funds of a scope stay pending (a connected account's payout schedule {@code delay_days}). */
    void pendingSeconds(java.util.function.ToLongFunction<Scope> value) {
        this.pendingSeconds = value;
    }

    void notifySettled(Scope scope, Engine.Call call, JsonObject charge, JsonObject txn) {
        settled(scope, call, charge, txn);
    }

    private void settled(Scope scope, Engine.Call call, JsonObject charge, JsonObject txn) {
        for (ChargeListener l : listeners) {
            l.settled(scope, call, charge, txn);
        }
    }

    PaymentEngine(Engine engine) {
        this.engine = engine;
        engine.registerGlobal(Json.obj("id", BLOCK_RULE, "action", "block", "predicate", ":risk_level: = 'highest'"));
        engine.registerGlobal(
                Json.obj("id", REVIEW_RULE, "action", "review", "predicate", ":risk_level: = 'elevated'"));
        engine.onTimer(Timer.Kind.FUNDS_AVAILABLE, (scope, timer, call) -> {
            JsonObject txn = scope.find(timer.objectId());
            if (txn != null) {
                txn.addProperty("status", "available");
            }
        });
        engine.onTimer(Timer.Kind.ASYNC_CAPTURE_SETTLED, (scope, timer, call) -> {
            JsonObject charge = scope.find(timer.objectId());
            if (charge != null && Json.str(charge, "balance_transaction") == null) {
                JsonObject before = charge.deepCopy();
                JsonObject txn = chargeTransaction(scope, charge, Json.num(charge, "amount_captured"));
                charge.addProperty("balance_transaction", Json.str(txn, "id"));
                settled(scope, call, charge, txn);
                engine.emit(scope, call, "charge.updated", charge, Engine.previousAttributes(before, charge));
            }
        });
    }

    // ---------------------------------------------------------------- errors

    static JsonObject cardErrorBody(Decline d) {
        return Json.obj(
                "type",
                "card_error",
                "code",
                d.code(),
                "decline_code",
                d.declineCode(),
                "message",
                d.message(),
                "doc_url",
                ApiError.DOCS + d.code().replace('_', '-'),
                "advice_code",
                adviceCode(d.declineCode()));
    }

    private static @Nullable String adviceCode(String declineCode) {
        return switch (declineCode) {
            case "insufficient_funds", "processing_error", "card_velocity_exceeded" -> "try_again_later";
            case "incorrect_cvc", "expired_card", "incorrect_number" -> "confirm_card_data";
            case "lost_card", "stolen_card", "fraudulent" -> "do_not_try_again";
            default -> null;
        };
    }

    // ---------------------------------------------------------------- authorization

    /**
     * Authorizes {@code pi} with {@code pm}. On approval returns the charge and moves the PaymentIntent on; on a
     * decline stores a failed charge, moves the PaymentIntent back to {@code requires_payment_method} and throws the
     * 402 card error.
     */
    JsonObject authorize(Scope scope, Engine.Call call, JsonObject pi, JsonObject pm, @Nullable JsonObject threeDs) {
        TestCard card = PaymentMethodEndpoints.card(pm);
        JsonObject charge = newCharge(scope, pi, pm, card, threeDs);
        Decline decline = null;
        JsonObject outcome;
        long score = riskScore(card);
        switch (card.risk()) {
            case HIGHEST, HIGHEST_ALWAYS_BLOCKED -> {
                outcome = outcome(
                        "not_sent_to_network",
                        "highest_risk_level",
                        "highest",
                        score,
                        BLOCK_RULE,
                        "Stripe blocked this payment as too risky.",
                        "blocked");
                decline = new Decline("card_declined", "fraudulent", TestCards.GENERIC);
            }
            default -> {
                if (card.decline() != null) {
                    decline = card.decline();
                    outcome = outcome(
                            "declined_by_network",
                            decline.declineCode(),
                            "normal",
                            score,
                            null,
                            decline.declineCode().equals("generic_decline")
                                    ? "The bank did not return any further details with this decline."
                                    : "The bank returned the decline code `" + decline.declineCode() + "`.",
                            "issuer_declined");
                    outcome.addProperty("advice_code", adviceCode(decline.declineCode()));
                } else if (card.risk() == Risk.ELEVATED) {
                    outcome = outcome(
                            "approved_by_network",
                            "elevated_risk_level",
                            "elevated",
                            score,
                            REVIEW_RULE,
                            "Stripe evaluated this payment as having elevated risk, and placed it in your manual"
                                    + " review queue.",
                            "manual_review");
                } else {
                    outcome = outcome(
                            "approved_by_network", null, "normal", score, null, "Payment complete.", "authorized");
                }
            }
        }
        charge.add("outcome", outcome);
        if (decline != null) {
            return decline(scope, call, pi, pm, charge, decline);
        }
        return approve(scope, call, pi, charge, card);
    }

    private JsonObject decline(
            Scope scope, Engine.Call call, JsonObject pi, JsonObject pm, JsonObject charge, Decline decline) {
        charge.addProperty("status", "failed");
        charge.addProperty("paid", false);
        charge.addProperty("failure_code", decline.code());
        charge.addProperty("failure_message", decline.message());
        scope.put(charge);
        JsonObject error = cardErrorBody(decline);
        error.addProperty("charge", Json.str(charge, "id"));
        error.add("payment_method", engine.render(scope, pm, List.of()));
        pi.add("last_payment_error", error.deepCopy());
        pi.addProperty("latest_charge", Json.str(charge, "id"));
        pi.add("payment_method", null);
        pi.addProperty("status", "requires_payment_method");
        pi.add("next_action", null);
        engine.emit(scope, call, "charge.failed", charge, null);
        engine.emit(scope, call, "payment_intent.payment_failed", pi, null);
        error.add("payment_intent", engine.render(scope, pi, List.of()));
        error.addProperty("request_log_url", "https://dashboard.stripe.com/test/logs/" + call.requestId());
        throw ApiError.card(error);
    }

    /** Fails a confirmation without a charge (3DS failure, authentication required off-session). */
    ApiError failWithoutCharge(
            Scope scope,
            Engine.Call call,
            JsonObject pi,
            JsonObject pm,
            String code,
            @Nullable String declineCode,
            String msg) {
        JsonObject error = Json.obj(
                "type", "card_error", "code", code, "message", msg, "doc_url", ApiError.DOCS + code.replace('_', '-'));
        if (declineCode != null) {
            error.addProperty("decline_code", declineCode);
        }
        error.add("payment_method", engine.render(scope, pm, List.of()));
        pi.add("last_payment_error", error.deepCopy());
        pi.add("payment_method", null);
        pi.addProperty("status", "requires_payment_method");
        pi.add("next_action", null);
        engine.emit(scope, call, "payment_intent.payment_failed", pi, null);
        error.add("payment_intent", engine.render(scope, pi, List.of()));
        return ApiError.card(error);
    }

    private JsonObject approve(Scope scope, Engine.Call call, JsonObject pi, JsonObject charge, TestCard card) {
        String captureMethod = Json.str(pi, "capture_method");
        long amount = Json.num(pi, "amount");
        charge.addProperty("status", "succeeded");
        charge.addProperty("paid", true);
        JsonObject cardDetails = Json.requiredChild(Json.requiredChild(charge, "payment_method_details"), "card");
        cardDetails.addProperty("amount_authorized", amount);
        cardDetails.addProperty("authorization_code", Ids.random(6).toUpperCase(Locale.ROOT));
        scope.put(charge);
        pi.addProperty("latest_charge", Json.str(charge, "id"));
        pi.add("last_payment_error", null);
        pi.add("next_action", null);
        if (card.risk() == Risk.ELEVATED) {
            JsonObject review = openReview(scope, call, charge, pi);
            charge.addProperty("review", Json.str(review, "id"));
            pi.addProperty("review", Json.str(review, "id"));
        }
        if ("manual".equals(captureMethod)) {
            long captureBefore = engine.now() + CAPTURE_WINDOW_SECONDS;
            charge.addProperty("captured", false);
            cardDetails.addProperty("capture_before", captureBefore);
            pi.addProperty("status", "requires_capture");
            pi.addProperty("amount_capturable", amount);
            engine.schedule(captureBefore, scope, Timer.Kind.CAPTURE_EXPIRY, Json.requiredStr(pi, "id"));
            engine.emit(scope, call, "charge.succeeded", charge, null);
            engine.emit(scope, call, "payment_intent.amount_capturable_updated", pi, null);
            return charge;
        }
        charge.addProperty("captured", true);
        charge.addProperty("amount_captured", amount);
        if ("automatic_async".equals(captureMethod)) {
            engine.schedule(engine.now(), scope, Timer.Kind.ASYNC_CAPTURE_SETTLED, Json.requiredStr(charge, "id"));
        } else {
            JsonObject txn = chargeTransaction(scope, charge, amount);
            charge.addProperty("balance_transaction", Json.str(txn, "id"));
            settled(scope, call, charge, txn);
        }
        pi.addProperty("status", "succeeded");
        pi.addProperty("amount_received", amount);
        pi.addProperty("amount_capturable", 0);
        engine.emit(scope, call, "charge.succeeded", charge, null);
        engine.emit(scope, call, "payment_intent.succeeded", pi, null);
        return charge;
    }

    /** Captures {@code amount} of an authorized charge (the rest of the authorization is released). */
    void capture(Scope scope, Engine.Call call, JsonObject pi, JsonObject charge, long amount) {
        charge.addProperty("captured", true);
        charge.addProperty("amount_captured", amount);
        charge.addProperty("amount_refunded", Json.num(charge, "amount") - amount);
        JsonObject txn = chargeTransaction(scope, charge, amount);
        charge.addProperty("balance_transaction", Json.str(txn, "id"));
        settled(scope, call, charge, txn);
        pi.addProperty("status", "succeeded");
        pi.addProperty("amount_received", amount);
        pi.addProperty("amount_capturable", 0);
        engine.emit(scope, call, "charge.captured", charge, null);
        engine.emit(scope, call, "payment_intent.succeeded", pi, null);
    }

    private JsonObject openReview(Scope scope, Engine.Call call, JsonObject charge, JsonObject pi) {
        JsonObject review = Json.obj(
                "id",
                Ids.next("prv"),
                "object",
                "review",
                "billing_zip",
                null,
                "charge",
                Json.str(charge, "id"),
                "closed_reason",
                null,
                "created",
                engine.now(),
                "ip_address",
                null,
                "ip_address_location",
                null,
                "livemode",
                false,
                "open",
                true,
                "opened_reason",
                "rule",
                "payment_intent",
                Json.str(pi, "id"),
                "reason",
                "rule",
                "session",
                null);
        scope.put(review);
        engine.emit(scope, call, "review.opened", review, null);
        return review;
    }

    /** Closes an open review of a charge (approve, refund, ...). */
    void closeReview(Scope scope, Engine.Call call, String reviewId, String reason) {
        JsonObject review = scope.find(reviewId);
        if (review == null || !Json.bool(review, "open")) {
            return;
        }
        review.addProperty("open", false);
        review.addProperty("reason", reason);
        review.addProperty("closed_reason", reason);
        engine.emit(scope, call, "review.closed", review, null);
    }

    private static long riskScore(TestCard card) {
        return switch (card.risk()) {
            case HIGHEST_ALWAYS_BLOCKED -> 95;
            case HIGHEST -> 85;
            case ELEVATED -> 70;
            case NORMAL -> 5 + Math.floorMod(card.number().hashCode(), 40);
        };
    }

    private static JsonObject outcome(
            String networkStatus,
            @Nullable String reason,
            String riskLevel,
            long riskScore,
            @Nullable String rule,
            String sellerMessage,
            String type) {
        return Json.obj(
                "advice_code", null,
                "network_advice_code", null,
                "network_decline_code", null,
                "network_status", networkStatus,
                "reason", reason,
                "risk_level", riskLevel,
                "risk_score", riskScore,
                "rule", rule,
                "seller_message", sellerMessage,
                "type", type);
    }

    private JsonObject newCharge(
            Scope scope, JsonObject pi, JsonObject pm, TestCard card, @Nullable JsonObject threeDs) {
        JsonObject pmCard = Json.requiredChild(pm, "card");
        boolean cvc = PaymentMethodEndpoints.cvcProvided(pm);
        JsonObject billing = Json.child(pm, "billing_details");
        JsonObject address = billing == null ? null : Json.child(billing, "address");
        boolean hasLine1 = address != null && Json.str(address, "line1") != null;
        boolean hasPostal = address != null && Json.str(address, "postal_code") != null;
        JsonObject details = new JsonObject();
        details.add("amount_authorized", null);
        details.add("authorization_code", null);
        details.addProperty("brand", card.brand());
        details.add(
                "checks",
                Json.obj(
                        "address_line1_check", hasLine1 ? card.line1Check() : null,
                        "address_postal_code_check", hasPostal ? card.postalCheck() : null,
                        "cvc_check", cvc ? card.cvcCheck() : null));
        details.addProperty("country", card.country());
        details.add("exp_month", pmCard.get("exp_month"));
        details.add("exp_year", pmCard.get("exp_year"));
        details.add("extended_authorization", Json.obj("status", "disabled"));
        details.addProperty("fingerprint", Json.str(pmCard, "fingerprint"));
        details.addProperty("funding", card.funding());
        details.add("incremental_authorization", Json.obj("status", "unavailable"));
        details.add("installments", null);
        details.addProperty("last4", card.last4());
        details.add("mandate", null);
        details.add("multicapture", Json.obj("status", "unavailable"));
        details.addProperty("network", card.brand());
        details.add("network_token", Json.obj("used", false));
        details.addProperty("network_transaction_id", Ids.random(15));
        details.add(
                "overcapture", Json.obj("maximum_amount_capturable", Json.num(pi, "amount"), "status", "unavailable"));
        details.addProperty("regulated_status", "unregulated");
        details.add("three_d_secure", threeDs);
        details.add("wallet", null);

        JsonObject charge = new JsonObject();
        charge.addProperty("id", Ids.next("ch"));
        charge.addProperty("object", "charge");
        charge.add("amount", pi.get("amount"));
        charge.addProperty("amount_captured", 0);
        charge.addProperty("amount_refunded", 0);
        charge.add("application", null);
        charge.add("application_fee", null);
        charge.add("application_fee_amount", pi.get("application_fee_amount"));
        charge.add("balance_transaction", null);
        charge.add("billing_details", billing == null ? PaymentMethodEndpoints.billingDetails(null) : billing);
        charge.add("calculated_statement_descriptor", Json.of(statementDescriptor(pi)));
        charge.addProperty("captured", false);
        charge.addProperty("created", engine.now());
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
        charge.add("outcome", null);
        charge.addProperty("paid", false);
        charge.addProperty("payment_intent", Json.str(pi, "id"));
        charge.addProperty("payment_method", Json.str(pm, "id"));
        charge.add("payment_method_details", Json.obj("card", details, "type", "card"));
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
        Engine.internal(charge).addProperty("number", card.number());
        return charge;
    }

    private static String statementDescriptor(JsonObject pi) {
        String base = Json.str(pi, "statement_descriptor");
        String suffix = Json.str(pi, "statement_descriptor_suffix");
        String full = (base == null ? "FREIGHTGATE" : base) + (suffix == null ? "" : "* " + suffix);
        return full.toUpperCase(Locale.ROOT);
    }

    /** 3-D Secure result for a completed challenge. */
    static JsonObject threeDsAuthenticated(TestCard card) {
        return Json.obj(
                "authentication_flow",
                "challenge",
                "electronic_commerce_indicator",
                card.brand().equals("mastercard") ? "02" : "05",
                "exemption_indicator",
                null,
                "result",
                "authenticated",
                "result_reason",
                null,
                "transaction_id",
                UUID.nameUUIDFromBytes(Ids.random(12).getBytes()).toString(),
                "version",
                "2.2.0");
    }

    /** 3-D Secure result for a card not enrolled: requested, nothing asked of the cardholder, the attempt acknowledged. */
    static JsonObject threeDsNotEnrolled(TestCard card) {
        return Json.obj(
                "authentication_flow",
                null,
                "electronic_commerce_indicator",
                card.brand().equals("mastercard") ? "01" : "06",
                "exemption_indicator",
                null,
                "result",
                "attempt_acknowledged",
                "result_reason",
                "card_not_enrolled",
                "transaction_id",
                UUID.nameUUIDFromBytes(Ids.random(12).getBytes()).toString(),
                "version",
                "2.2.0");
    }

    // ---------------------------------------------------------------- money

    /** Stripe's standard card pricing, in minor units, rounded half up. */
    static long fee(long amount, String currency) {
        long basisPoints;
        long fixed;
        switch (currency) {
            case "eur" -> {
                basisPoints = 150;
                fixed = 25;
            }
            case "gbp" -> {
                basisPoints = 150;
                fixed = 20;
            }
            default -> {
                basisPoints = 290;
                fixed = 30;
            }
        }
        return (amount * basisPoints + 5_000) / 10_000 + fixed;
    }

    JsonObject chargeTransaction(Scope scope, JsonObject charge, long amount) {
        String currency = Json.requiredStr(charge, "currency");
        boolean sepa = "sepa_debit".equals(Json.str(Json.requiredChild(charge, "payment_method_details"), "type"));
        long fee = sepa ? SEPA_FEE : fee(amount, currency);
        TestCard card = sepa
                ? null
                : TestCards.byNumber(Json.str(Engine.internal(charge), "number"))
                        .orElse(null);
        boolean immediate = card != null && card.fundsAvailableImmediately();
        JsonArray details = new JsonArray();
        details.add(feeDetail(fee, currency, "Stripe processing fees", "stripe_fee"));
        long total = fee;
        Long appFee = charge.has("application_fee_amount")
                        && !charge.get("application_fee_amount").isJsonNull()
                ? charge.get("application_fee_amount").getAsLong()
                : null;
        if (appFee != null && appFee > 0 && scope.account() != null) {
            // a direct charge on a connected account: the platform's application fee is part of the fee
            details.add(feeDetail(appFee, currency, "Application fee", "application_fee"));
            total += appFee;
        }
        long now = engine.now();
        return transaction(
                scope,
                Json.requiredStr(charge, "id"),
                sepa ? "payment" : "charge",
                "charge",
                amount,
                total,
                details,
                currency,
                Json.str(charge, "description"),
                immediate ? now : now + pendingSeconds.applyAsLong(scope));
    }

    static final long SEPA_FEE = 35;

    static JsonObject feeDetail(long amount, String currency, String description, String type) {
        return Json.obj(
                "amount", amount,
                "application", null,
                "currency", currency,
                "description", description,
                "type", type);
    }

    /** Funds that stay pending for the scope's usual delay. */
    long defaultAvailableOn(Scope scope) {
        return engine.now() + pendingSeconds.applyAsLong(scope);
    }

    JsonObject transaction(
            Scope scope,
            String source,
            String type,
            String category,
            long amount,
            long fee,
            String currency,
            @Nullable String description,
            boolean availableNow) {
        long now = engine.now();
        JsonArray feeDetails = new JsonArray();
        if (fee != 0) {
            feeDetails.add(feeDetail(fee, currency, "Stripe processing fees", "stripe_fee"));
        }
        return transaction(
                scope,
                source,
                type,
                category,
                amount,
                fee,
                feeDetails,
                currency,
                description,
                availableNow ? now : now + pendingSeconds.applyAsLong(scope));
    }

    /** A balance transaction, {@code pending} until {@code availableOn} on the emulator clock. */
    JsonObject transaction(
            Scope scope,
            String source,
            String type,
            String category,
            long amount,
            long fee,
            JsonArray feeDetails,
            String currency,
            @Nullable String description,
            long availableOn) {
        long now = engine.now();
        boolean availableNow = availableOn <= now;
        JsonObject txn = Json.obj(
                "id", Ids.next("txn"),
                "object", "balance_transaction",
                "amount", amount,
                "available_on", availableOn,
                "balance_type", "payments",
                "created", now,
                "currency", currency,
                "description", description,
                "exchange_rate", null,
                "fee", fee,
                "fee_details", feeDetails,
                "net", amount - fee,
                "reporting_category", category,
                "source", source,
                "status", availableNow ? "available" : "pending",
                "type", type);
        scope.put(txn);
        if (!availableNow) {
            engine.schedule(availableOn, scope, Timer.Kind.FUNDS_AVAILABLE, Json.requiredStr(txn, "id"));
        }
        return txn;
    }
}
