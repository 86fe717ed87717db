package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The control API under {@code /_emulator/} (JSON in and out; no Stripe auth except where a call acts on an
 * account's data) and the 3-D Secure challenge page. Part 2 adds its routes here.
 */
final class ControlApi {

    private final LocalControl control;
    private final Engine engine;

    ControlApi(LocalControl control, Engine engine) {
        this.control = control;
        this.engine = engine;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String requestId = Ids.requestId();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        byte[] raw = exchange.getRequestBody().readAllBytes();
        try {
            if (path.startsWith(ThreeDsPage.PATH)) {
                ThreeDsPage.handle(exchange, control, method, path.substring(ThreeDsPage.PATH.length()), raw);
                return;
            }
            if (path.startsWith(ConnectEndpoints.ONBOARDING_PATH)) {
                control.connect()
                        .onboardingPage(
                                exchange, method, path.substring(ConnectEndpoints.ONBOARDING_PATH.length()), raw);
                return;
            }
            JsonObject body = body(raw);
            JsonObject out =
                    switch (method + " " + path) {
                        case "GET /_emulator/health" -> Json.obj("status", "ok", "api_version", Engine.API_VERSION);
                        case "GET /_emulator/clock" -> clock();
                        case "POST /_emulator/clock/advance" -> {
                            control.advanceClock(Duration.ofSeconds(Json.num(body, "seconds")));
                            yield clock();
                        }
                        case "GET /_emulator/faults" -> faults();
                        case "POST /_emulator/faults" -> Json.obj("id", control.injectFault(fault(body)));
                        case "DELETE /_emulator/faults" -> {
                            control.clearFaults();
                            yield faults();
                        }
                        case "GET /_emulator/requests" ->
                            Json.obj(
                                    "data",
                                    Json.GSON.toJsonTree(control.requests()).getAsJsonArray());
                        case "POST /_emulator/rate_limits" -> {
                            control.rateLimits(Json.bool(body, "enabled"));
                            yield Json.obj("enabled", control.rateLimitsEnabled());
                        }
                        case "GET /_emulator/webhooks/deliveries" -> {
                            JsonArray data =
                                    Json.GSON.toJsonTree(control.deliveries()).getAsJsonArray();
                            yield Json.obj("data", data);
                        }
                        case "POST /_emulator/webhooks/behaviour" -> {
                            control.webhookBehaviour(new WebhookBehaviour(
                                    Json.bool(body, "duplicate"),
                                    Json.bool(body, "reorder"),
                                    Duration.ofMillis(Json.num(body, "delay_ms")),
                                    (int) Json.num(body, "drop_first_attempts"),
                                    body.has("reorder_window_ms")
                                            ? Duration.ofMillis(Json.num(body, "reorder_window_ms"))
                                            : WebhookBehaviour.normal().reorderWindow()));
                            yield Json.obj("ok", true);
                        }
                        case "POST /_emulator/webhooks/retry" -> {
                            control.retryWebhooksNow();
                            yield Json.obj("ok", true);
                        }
                        case "POST /_emulator/reset" -> {
                            control.reset();
                            yield Json.obj("ok", true);
                        }
                        default -> routed(exchange, method, path, body);
                    };
            if (out == null) {
                HttpFront.send(
                        exchange,
                        404,
                        requestId,
                        Json.obj(
                                "error",
                                Json.obj(
                                        "type",
                                        "invalid_request_error",
                                        "message",
                                        "Unknown control call " + method + " " + path)),
                        Map.of());
                return;
            }
            HttpFront.send(exchange, 200, requestId, out, Map.of());
        } catch (ApiError e) {
            HttpFront.send(exchange, e.status(), requestId, e.body(), Map.of());
        } catch (IllegalArgumentException | IllegalStateException e) {
            HttpFront.send(
                    exchange,
                    400,
                    requestId,
                    Json.obj(
                            "error",
                            Json.obj("type", "invalid_request_error", "message", String.valueOf(e.getMessage()))),
                    Map.of());
        }
    }

    private String requireKey(HttpExchange exchange) {
        String apiKey = HttpFront.apiKey(exchange.getRequestHeaders().getFirst("Authorization"));
        if (apiKey == null) {
            throw new ApiError(
                    401,
                    Json.obj(
                            "type",
                            "invalid_request_error",
                            "message",
                            "Authorization: Bearer sk_test_... is required to act on an account's data."),
                    false);
        }
        return apiKey;
    }

    private @Nullable JsonObject part2(HttpExchange exchange, String method, String path, JsonObject body) {
        String account = exchange.getRequestHeaders().getFirst("Stripe-Account");
        var m = java.util.regex.Pattern.compile("/_emulator/accounts/([^/]+)/requirements")
                .matcher(path);
        if (method.equals("POST") && m.matches()) {
            String state = Json.str(body, "state");
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (body.has("fields") && body.get("fields").isJsonArray()) {
                body.getAsJsonArray("fields").forEach(e -> fields.add(e.getAsString()));
            }
            Long deadline =
                    body.has("deadline") && !body.get("deadline").isJsonNull() ? Json.num(body, "deadline") : null;
            AccountRequirements change = new AccountRequirements(
                    AccountRequirements.State.valueOf((state == null ? "satisfied" : state).toUpperCase(Locale.ROOT)),
                    fields,
                    deadline == null ? null : java.time.Instant.ofEpochSecond(deadline));
            control.accountRequirements(requireKey(exchange), m.group(1), change);
            return Json.obj("id", m.group(1), "state", change.state().name().toLowerCase(Locale.ROOT));
        }
        m = java.util.regex.Pattern.compile("/_emulator/charges/([^/]+)/dispute")
                .matcher(path);
        if (method.equals("POST") && m.matches()) {
            DisputeRequest request = new DisputeRequest(
                    Json.str(body, "reason"),
                    Json.str(body, "brand"),
                    Json.bool(body, "inquiry"),
                    body.has("amount") && !body.get("amount").isJsonNull() ? Json.num(body, "amount") : null);
            return Json.obj("id", control.createDispute(requireKey(exchange), account, m.group(1), request));
        }
        m = java.util.regex.Pattern.compile("/_emulator/disputes/([^/]+)/decide")
                .matcher(path);
        if (method.equals("POST") && m.matches()) {
            String outcome = Json.str(body, "outcome");
            if (outcome == null || (!"won".equals(outcome) && !"lost".equals(outcome))) {
                throw new IllegalArgumentException("outcome must be won or lost");
            }
            return Json.GSON
                    .toJsonTree(control.decideDispute(requireKey(exchange), account, m.group(1), outcome.equals("won")))
                    .getAsJsonObject();
        }
        m = java.util.regex.Pattern.compile("/_emulator/disputes/([^/]+)/evidence")
                .matcher(path);
        if (method.equals("GET") && m.matches()) {
            return Json.GSON
                    .toJsonTree(control.disputeEvidence(requireKey(exchange), account, m.group(1)))
                    .getAsJsonObject();
        }
        return null;
    }

    private @Nullable JsonObject routed(HttpExchange exchange, String method, String path, JsonObject body) {
        JsonObject part2 = part2(exchange, method, path, body);
        if (part2 != null) {
            return part2;
        }
        var m = java.util.regex.Pattern.compile("/_emulator/payment_intents/([^/]+)/authenticate")
                .matcher(path);
        if (method.equals("POST") && m.matches()) {
            String apiKey = HttpFront.apiKey(exchange.getRequestHeaders().getFirst("Authorization"));
            if (apiKey == null) {
                throw new ApiError(
                        401,
                        Json.obj(
                                "type",
                                "invalid_request_error",
                                "message",
                                "Authorization: Bearer sk_test_... is required to act on an account's data."),
                        false);
            }
            String outcome = Json.str(body, "outcome");
            String status = control.authenticate(
                    apiKey,
                    exchange.getRequestHeaders().getFirst("Stripe-Account"),
                    m.group(1),
                    !"fail".equals(outcome));
            return Json.obj("id", m.group(1), "status", status);
        }
        return null;
    }

    private JsonObject clock() {
        var now = engine.clock().instant();
        return Json.obj(
                "now",
                now.getEpochSecond(),
                "iso",
                now.toString(),
                "offset_seconds",
                engine.clock().offset().toSeconds());
    }

    private JsonObject faults() {
        JsonArray data = new JsonArray();
        for (FaultInjector.Active a : control.faults()) {
            JsonObject f = faultJson(a.rule());
            f.addProperty("id", a.id());
            f.addProperty("remaining", a.rule().times() < 0 ? -1 : a.remaining().get());
            data.add(f);
        }
        return Json.obj("data", data, "rate_limits", control.rateLimitsEnabled());
    }

    static JsonObject faultJson(FaultRule r) {
        return Json.obj(
                "method", r.method(),
                "path", r.path(),
                "kind", r.kind().name().toLowerCase(Locale.ROOT),
                "status", r.status(),
                "delay_ms", r.delayMillis(),
                "probability", r.probability(),
                "times", r.times(),
                "should_retry", r.shouldRetry());
    }

    static FaultRule fault(JsonObject body) {
        FaultRule.Kind kind =
                FaultRule.Kind.valueOf(Json.requiredStr(body, "kind").toUpperCase(Locale.ROOT));
        int status = body.has("status") && !body.get("status").isJsonNull()
                ? (int) Json.num(body, "status")
                : switch (kind) {
                    case SERVER_ERROR -> 500;
                    case RATE_LIMIT -> 429;
                    default -> 0;
                };
        Boolean retry = body.has("should_retry") && !body.get("should_retry").isJsonNull()
                ? Boolean.valueOf(Json.bool(body, "should_retry"))
                : (kind == FaultRule.Kind.SERVER_ERROR ? Boolean.TRUE : null);
        return new FaultRule(
                Json.str(body, "method"),
                Json.requiredStr(body, "path"),
                kind,
                status,
                Json.num(body, "delay_ms"),
                body.has("probability") ? body.get("probability").getAsDouble() : 1.0,
                body.has("times") ? (int) Json.num(body, "times") : -1,
                retry);
    }

    private static JsonObject body(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return new JsonObject();
        }
        if (text.startsWith("{")) {
            return Json.parse(text);
        }
        JsonObject tree = FormCodec.tree(FormCodec.pairs(text));
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : tree.entrySet()) {
            String v = e.getValue().getAsString();
            if (v.equals("true") || v.equals("false")) {
                out.addProperty(e.getKey(), Boolean.parseBoolean(v));
            } else if (v.matches("-?\\d+(\\.\\d+)?")) {
                out.addProperty(e.getKey(), new java.math.BigDecimal(v));
            } else {
                out.addProperty(e.getKey(), v);
            }
        }
        return out;
    }

    static void html(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
