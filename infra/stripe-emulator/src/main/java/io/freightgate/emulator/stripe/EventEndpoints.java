package io.freightgate.emulator.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/events} (30-day retention, {@code type} with {@code *} wildcards, {@code types[]}, {@code created},
 * {@code delivery_success}) and {@code /v1/webhook_endpoints} (docs.stripe.com/api/events,
 * docs.stripe.com/api/webhook_endpoints).
 */
final class EventEndpoints {

    static final long RETENTION_SECONDS = Duration.ofDays(30).toSeconds();

    private final Engine engine;

    EventEndpoints(Engine engine) {
        this.engine = engine;
    }

    void register(Router router) {
        router.add("GET", "/v1/events/{id}", Set.of(), c -> {
            JsonObject event = engine.require(c.scope(), c.id(), "event", "id");
            if (expired(event)) {
                throw ApiError.noSuch("event", c.id(), "id");
            }
            return engine.render(c.scope(), event, c.expand());
        });
        router.add(
                "GET",
                "/v1/events",
                Set.of("type", "types", "created", "delivery_success", "limit", "starting_after", "ending_before"),
                this::listEvents);
        Set<String> writable = Set.of("url", "enabled_events", "description", "metadata", "api_version", "connect");
        router.add("POST", "/v1/webhook_endpoints", writable, this::createEndpoint);
        router.add(
                "GET", "/v1/webhook_endpoints/{id}", Set.of(), c -> engine.render(c.scope(), endpoint(c), c.expand()));
        router.add(
                "POST",
                "/v1/webhook_endpoints/{id}",
                Set.of("url", "enabled_events", "description", "metadata", "disabled"),
                this::updateEndpoint);
        router.add("DELETE", "/v1/webhook_endpoints/{id}", Set.of(), c -> {
            JsonObject we = endpoint(c);
            Engine.internal(we).addProperty("deleted", true);
            return Json.obj("id", c.id(), "object", "webhook_endpoint", "deleted", true);
        });
        router.add(
                "GET",
                "/v1/webhook_endpoints",
                Set.of("limit", "starting_after", "ending_before"),
                c -> engine.list(c.scope(), "/v1/webhook_endpoints", endpoints(c.scope()), c.params()));
    }

    static List<JsonObject> endpoints(Scope scope) {
        return scope.ofType("webhook_endpoint").stream()
                .filter(we -> !Json.bool(Engine.internal(we), "deleted"))
                .toList();
    }

    private boolean expired(JsonObject event) {
        return Json.num(event, "created") < engine.now() - RETENTION_SECONDS;
    }

    private JsonObject listEvents(ApiCall c) {
        Params p = c.params();
        String type = p.string("type");
        List<String> types = p.strings("types");
        if (types.size() > 20) {
            throw ApiError.invalid("types may contain at most 20 values", "types", null);
        }
        Boolean deliverySuccess = p.bool("delivery_success");
        List<JsonObject> items = c.scope().ofType("event").stream()
                .filter(e -> !expired(e))
                .filter(e -> type == null || typeMatches(type, Json.requiredStr(e, "type")))
                .filter(e ->
                        types.isEmpty() || types.stream().anyMatch(t -> typeMatches(t, Json.requiredStr(e, "type"))))
                .filter(e -> deliverySuccess == null || deliverySuccess == (Json.num(e, "pending_webhooks") == 0))
                .toList();
        return engine.list(c.scope(), "/v1/events", items, p);
    }

    static boolean typeMatches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    private JsonObject endpoint(ApiCall c) {
        JsonObject we = engine.require(c.scope(), c.id(), "webhook_endpoint", "id");
        if (Json.bool(Engine.internal(we), "deleted")) {
            throw ApiError.noSuch("webhook endpoint", c.id(), "id");
        }
        return we;
    }

    private JsonObject createEndpoint(ApiCall c) {
        Params p = c.params();
        String url = url(p.requiredString("url"));
        List<String> events = enabledEvents(p);
        if (events.isEmpty()) {
            throw ApiError.missingParam("enabled_events");
        }
        String secret = "whsec_" + Ids.random(32);
        JsonObject we = Json.obj(
                "id",
                Ids.next("we"),
                "object",
                "webhook_endpoint",
                "api_version",
                p.string("api_version"),
                "application",
                null,
                "created",
                engine.now(),
                "description",
                p.string("description"),
                "enabled_events",
                Json.of(events),
                "livemode",
                false,
                "metadata",
                new JsonObject(),
                "status",
                "enabled",
                "url",
                url);
        p.applyMetadata(we);
        JsonObject internal = Engine.internal(we);
        internal.addProperty("secret", secret);
        internal.addProperty("connect", p.flag("connect"));
        c.scope().put(we);
        JsonObject out = engine.render(c.scope(), we, c.expand());
        out.addProperty("secret", secret);
        return out;
    }

    private JsonObject updateEndpoint(ApiCall c) {
        JsonObject we = endpoint(c);
        Params p = c.params();
        if (p.has("url")) {
            we.addProperty("url", url(p.requiredString("url")));
        }
        if (p.has("enabled_events")) {
            we.add("enabled_events", Json.of(enabledEvents(p)));
        }
        if (p.has("description")) {
            we.addProperty("description", p.string("description"));
        }
        if (p.has("disabled")) {
            we.addProperty("status", p.flag("disabled") ? "disabled" : "enabled");
        }
        p.applyMetadata(we);
        return engine.render(c.scope(), we, c.expand());
    }

    private static String url(String url) {
        try {
            URI uri = URI.create(url);
            if (!Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("Invalid URL: " + url, "url", "url_invalid");
        }
    }

    private static List<String> enabledEvents(Params p) {
        List<String> events = p.strings("enabled_events");
        for (String e : events) {
            if (!e.equals("*") && !e.matches("[a-z_]+(\\.[a-z_]+)+")) {
                throw ApiError.invalid("Invalid enabled_events: " + e, "enabled_events", null);
            }
        }
        return events;
    }

    static boolean subscribed(JsonObject endpoint, String type) {
        if (!"enabled".equals(Json.str(endpoint, "status"))) {
            return false;
        }
        for (JsonElement e : endpoint.getAsJsonArray("enabled_events")) {
            if (e.getAsString().equals("*") || e.getAsString().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
