package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * An error response in Stripe's shape ({@code {"error": {...}}}), thrown by request handlers.
 *
 * <p>{@code storable} tells the idempotency layer whether Stripe would have saved the result: validation failures
 * and missing resources are not saved, errors raised once the endpoint started executing are.
 */
final class ApiError extends RuntimeException {

    static final String DOCS = "https://stripe.com/docs/error-codes/";

    private final int status;
    private final transient JsonObject error;
    private final boolean storable;

    ApiError(int status, JsonObject error, boolean storable) {
        super(Json.str(error, "message"), null, false, false);
        this.status = status;
        this.error = error;
        this.storable = storable;
    }

    int status() {
        return status;
    }

    JsonObject error() {
        return error;
    }

    boolean storable() {
        return storable;
    }

    JsonObject body() {
        return Json.obj("error", error);
    }

    static ApiError invalid(String message, @Nullable String param, @Nullable String code) {
        JsonObject e = Json.obj("type", "invalid_request_error", "message", message);
        if (code != null) {
            e.addProperty("code", code);
            e.addProperty("doc_url", DOCS + code.replace('_', '-'));
        }
        if (param != null) {
            e.addProperty("param", param);
        }
        return new ApiError(400, e, false);
    }

    static ApiError missingParam(String param) {
        return invalid("Missing required param: " + param + ".", param, "parameter_missing");
    }

    static ApiError unknownParam(String param) {
        return invalid(
                "Received unknown parameter: " + param
                        + ". Did you mean to pass it under a different name? See https://stripe.com/docs/api",
                param,
                "parameter_unknown");
    }

    static ApiError noSuch(String objectName, @Nullable String id, @Nullable String param) {
        JsonObject e = Json.obj(
                "type",
                "invalid_request_error",
                "code",
                "resource_missing",
                "doc_url",
                DOCS + "resource-missing",
                "message",
                "No such " + objectName + ": '" + id + "'",
                "param",
                param);
        return new ApiError(404, e, false);
    }

    /** A state conflict detected while executing (e.g. {@code payment_intent_unexpected_state}); saved for replay. */
    static ApiError state(String code, String message, @Nullable String param) {
        JsonObject e = Json.obj("type", "invalid_request_error", "code", code, "message", message);
        e.addProperty("doc_url", DOCS + code.replace('_', '-'));
        if (param != null) {
            e.addProperty("param", param);
        }
        return new ApiError(400, e, true);
    }

    static ApiError card(JsonObject cardError) {
        return new ApiError(402, cardError, true);
    }
}
