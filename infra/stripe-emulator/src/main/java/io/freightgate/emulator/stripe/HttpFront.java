package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP entry point: Stripe's v1 wire protocol (auth, {@code Stripe-Account}, {@code Request-Id}, form/query/
 * multipart decoding, rate limits, fault injection, idempotency) in front of the {@link Router}, plus the control API.
 */
final class HttpFront implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());

    private final Engine engine;
    private final Router router;
    private final IdempotencyStore idempotency;
    private final FaultInjector faults;
    private final RateLimiter rateLimiter;
    private final ControlApi control;
    private final RequestLog received;

    HttpFront(
            Engine engine,
            Router router,
            IdempotencyStore idempotency,
            FaultInjector faults,
            RateLimiter rateLimiter,
            ControlApi control,
            RequestLog received) {
        this.received = received;
        this.engine = engine;
        this.router = router;
        this.idempotency = idempotency;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.control = control;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = Ids.requestId();
        try (exchange) {
            try {
                String path = exchange.getRequestURI().getRawPath();
                if (path.startsWith("/_emulator/")) {
                    control.handle(exchange, path);
                } else {
                    api(exchange, path, requestId);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "emulator failure on " + exchange.getRequestURI(), e);
                try {
                    send(
                            exchange,
                            500,
                            requestId,
                            Json.obj("error", Json.obj("type", "api_error", "message", "Emulator error: " + e)),
                            Map.of());
                } catch (IOException | RuntimeException ignored) {
                    // the response may already be committed
                }
            }
        }
    }

    private void api(HttpExchange exchange, String path, String requestId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Headers in = exchange.getRequestHeaders();
        received.add(new ReceivedRequest(
                method,
                path,
                exchange.getRequestURI().getRawQuery(),
                trimToNull(in.getFirst("Idempotency-Key")),
                in.getFirst("Stripe-Account"),
                engine.now()));
        String apiKey = apiKey(in.getFirst("Authorization"));
        if (apiKey == null) {
            String given = in.getFirst("Authorization");
            String message = given == null
                    ? "You did not provide an API key. You need to provide your API key in the Authorization header,"
                            + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
                            + " https://stripe.com/docs/api#authentication for details, or we can help at"
                            + " https://support.stripe.com/."
                    : "Invalid API Key provided: " + redact(given) + ". The FreightGate Stripe emulator accepts test"
                            + " mode keys (sk_test_..., rk_test_...) only.";
            send(
                    exchange,
                    401,
                    requestId,
                    Json.obj("error", Json.obj("type", "invalid_request_error", "message", message)),
                    Map.of("WWW-Authenticate", "Bearer realm=\"Stripe\""));
            return;
        }
        String account = in.getFirst("Stripe-Account");
        if (account != null && !account.startsWith("acct_")) {
            send(
                    exchange,
                    403,
                    requestId,
                    Json.obj(
                            "error",
                            Json.obj(
                                    "type", "invalid_request_error",
                                    "code", "account_invalid",
                                    "message",
                                            "The provided key '" + redact(apiKey)
                                                    + "' does not have access to account '"
                                                    + account
                                                    + "' (or that account does not exist). Application access may have been"
                                                    + " revoked.")),
                    Map.of());
            return;
        }
        engine.tick();
        if (!rateLimiter.allow(apiKey, path)) {
            send(exchange, 429, requestId, rateLimitBody(), Map.of());
            return;
        }
        FaultRule fault = faults.pick(method, path);
        long delay = 0;
        long holdAnswer = -1;
        if (fault != null) {
            switch (fault.kind()) {
                case DROP_CONNECTION -> {
                    exchange.getRequestBody().readAllBytes();
                    return; // closing the exchange without a response drops the connection
                }
                case SERVER_ERROR -> {
                    send(
                            exchange,
                            fault.status(),
                            requestId,
                            Json.obj(
                                    "error",
                                    Json.obj(
                                            "type", "api_error",
                                            "message",
                                                    "An unknown error occurred (injected by the FreightGate Stripe emulator).")),
                            shouldRetry(fault));
                    return;
                }
                case RATE_LIMIT -> {
                    send(exchange, 429, requestId, rateLimitBody(), shouldRetry(fault));
                    return;
                }
                case SLOW -> delay = fault.delayMillis();
                case PROCESS_THEN_TIME_OUT -> holdAnswer = fault.delayMillis();
            }
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        List<Map.Entry<String, String>> pairs;
        List<Multipart.Part> parts = List.of();
        String contentType = in.getFirst("Content-Type");
        if (method.equals("GET") || method.equals("DELETE")) {
            pairs = FormCodec.pairs(exchange.getRequestURI().getRawQuery());
        } else if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            parts = Multipart.parse(body, Multipart.boundary(contentType));
            pairs = new ArrayList<>();
            for (Multipart.Part part : parts) {
                if (part.filename() == null) {
                    pairs.add(Map.entry(part.name(), part.text()));
                }
            }
        } else {
            pairs = FormCodec.pairs(new String(body, StandardCharsets.UTF_8));
        }
        Router.Match match = router.match(method, path);
        if (match == null) {
            send(
                    exchange,
                    404,
                    requestId,
                    Json.obj(
                            "error",
                            Json.obj(
                                    "type",
                                    "invalid_request_error",
                                    "message",
                                    "Unrecognized request URL (" + method + ": " + path + "). Please see"
                                            + " https://stripe.com/docs or we can help at https://support.stripe.com/.")),
                    Map.of());
            return;
        }
        String scopeKey = Scope.key(apiKey, account);
        String key = method.equals("POST") ? trimToNull(in.getFirst("Idempotency-Key")) : null;
        String endpoint = method + " " + path;
        String fingerprint = FormCodec.fingerprint(pairs) + (parts.isEmpty() ? "" : "#" + parts.size());
        if (key != null) {
            if (key.length() > 255) {
                send(
                        exchange,
                        400,
                        requestId,
                        ApiError.invalid("Idempotency-Key must be at most 255 characters", "Idempotency-Key", null)
                                .body(),
                        Map.of());
                return;
            }
            IdempotencyStore.Decision decision = idempotency.begin(scopeKey, key, endpoint, fingerprint, engine.now());
            switch (decision) {
                case IdempotencyStore.Replay(IdempotencyStore.Saved saved) -> {
                    sendRaw(
                            exchange,
                            saved.status(),
                            requestId,
                            saved.body(),
                            Map.of(
                                    "Idempotent-Replayed",
                                    "true",
                                    "Original-Request",
                                    saved.requestId(),
                                    "Idempotency-Key",
                                    key));
                    return;
                }
                case IdempotencyStore.Reject(int status, JsonObject error) -> {
                    send(exchange, status, requestId, Json.obj("error", error), Map.of("Idempotency-Key", key));
                    return;
                }
                case IdempotencyStore.Proceed() -> {
                    // execute below
                }
            }
        }
        boolean finished = false;
        try {
            if (delay > 0) {
                sleep(delay);
            }
            Engine.Call call = new Engine.Call(requestId, key, new ArrayList<>());
            int status;
            JsonObject response;
            boolean storable;
            engine.lock.lock();
            try {
                try {
                    if (account != null && !ConnectEndpoints.exists(engine, apiKey, account)) {
                        throw new ApiError(403, accountInvalid(apiKey, account), false);
                    }
                    Scope scope = engine.scope(apiKey, account);
                    Params params = new Params(FormCodec.tree(pairs));
                    if (match.route().params() != null) {
                        params.allowOnly(match.route().params());
                    }
                    response = match.route().handler().handle(new ApiCall(scope, params, match.vars(), call, parts));
                    status = 200;
                    storable = true;
                } catch (ApiError e) {
                    status = e.status();
                    response = e.body();
                    storable = e.storable();
                }
                if (!method.equals("GET")) {
                    engine.persist();
                }
            } finally {
                engine.lock.unlock();
            }
            engine.publish(call);
            if (status == 200 && response.has(FileEndpoints.RAW)) {
                sendBytes(
                        exchange,
                        requestId,
                        java.util.Base64.getDecoder().decode(Json.str(response, FileEndpoints.RAW)),
                        Json.requiredStr(response, "content_type"));
                return;
            }
            String json = Json.PRETTY.toJson(response);
            if (key != null) {
                // The key is saved (or released) before the response leaves: a client that sends its retry as soon as
                // it has the answer gets the replay, never idempotency_key_in_use.
                idempotency.finish(
                        scopeKey,
                        key,
                        storable
                                ? new IdempotencyStore.Saved(
                                        endpoint, fingerprint, status, json, requestId, engine.now())
                                : null);
                finished = true;
            }
            if (holdAnswer >= 0) {
                // processed and saved, but the answer is held past the client's read timeout, then dropped
                sleep(holdAnswer);
                return;
            }
            sendRaw(exchange, status, requestId, json, key == null ? Map.of() : Map.of("Idempotency-Key", key));
        } finally {
            if (key != null && !finished) {
                idempotency.finish(scopeKey, key, null);
            }
        }
    }

    private static JsonObject accountInvalid(String apiKey, String account) {
        return Json.obj(
                "type",
                "invalid_request_error",
                "code",
                "account_invalid",
                "doc_url",
                ApiError.DOCS + "account-invalid",
                "message",
                "The provided key '" + redact(apiKey) + "' does not have access to account '" + account
                        + "' (or that account does not exist). Application access may have been revoked.");
    }

    private static void sendBytes(HttpExchange exchange, String requestId, byte[] bytes, String contentType)
            throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", contentType);
        out.set("Request-Id", requestId);
        out.set("Stripe-Version", Engine.API_VERSION);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> shouldRetry(FaultRule fault) {
        return fault.shouldRetry() == null
                ? Map.of()
                : Map.of("Stripe-Should-Retry", fault.shouldRetry().toString());
    }

    private static JsonObject rateLimitBody() {
        return Json.obj(
                "error",
                Json.obj(
                        "type",
                        "invalid_request_error",
                        "code",
                        "rate_limit",
                        "doc_url",
                        ApiError.DOCS + "rate-limit",
                        "message",
                        "Request rate limit exceeded. You can learn more about rate limits here"
                                + " https://stripe.com/docs/rate-limits."));
    }

    /** The test-mode key from {@code Authorization: Bearer ...} (or Basic with the key as user), else null. */
    static @Nullable String apiKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        String key = null;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                key = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (key == null || !(key.startsWith("sk_test_") || key.startsWith("rk_test_")) || key.length() < 9) {
            return null;
        }
        return key;
    }

    private static String redact(String s) {
        String v = s.startsWith("Bearer ") ? s.substring(7) : s;
        return v.length() <= 8
                ? "****"
                : v.substring(0, Math.min(8, v.length())) + "****" + v.substring(v.length() - 4);
    }

    private static @Nullable String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    static void send(HttpExchange exchange, int status, String requestId, JsonObject body, Map<String, String> extra)
            throws IOException {
        sendRaw(exchange, status, requestId, Json.PRETTY.toJson(body), extra);
    }

    static void sendRaw(HttpExchange exchange, int status, String requestId, String body, Map<String, String> extra)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", "application/json");
        out.set("Request-Id", requestId);
        out.set("Stripe-Version", Engine.API_VERSION);
        out.set("Cache-Control", "no-cache, no-store");
        extra.forEach(out::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
