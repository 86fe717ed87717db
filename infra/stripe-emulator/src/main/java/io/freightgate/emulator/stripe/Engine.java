package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's state and the shared mechanics every resource uses: lookup, rendering with {@code expand[]}, list
 * objects, events, timed work and persistence. All state access happens under {@link #lock}.
 */
final class Engine {

    static final String API_VERSION = "2026-07-29.dahlia";
    static final String INTERNAL = "_emulator";

    /** The request that causes a change: its id and idempotency key end up in {@code event.request}. */
    record Call(@Nullable String requestId, @Nullable String idempotencyKey, List<Emitted> emitted) {
        static Call system() {
            return new Call(null, null, new ArrayList<>());
        }
    }

    /** An event created during a call, dispatched to webhooks once the state lock is released. */
    record Emitted(Scope scope, JsonObject event) {}

    /** A handler for a kind of timed work. */
    interface TimerHandler {
        void run(Scope scope, Timer timer, Call call);
    }

    final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Long> timerTime = new ThreadLocal<>();
    private final EmulatorClock clock;
    private final Map<String, Scope> scopes = new LinkedHashMap<>();
    private final List<Timer> timers = new ArrayList<>();
    private final Map<Timer.Kind, TimerHandler> timerHandlers = new EnumMap<>(Timer.Kind.class);
    private final Map<String, JsonObject> globalObjects = new LinkedHashMap<>();
    private final Map<String, java.util.function.BiConsumer<Scope, JsonObject>> renderHooks = new LinkedHashMap<>();
    private final @Nullable StateFile stateFile;
    private Consumer<List<Emitted>> eventSink = events -> {};
    private ToIntFunction<Emitted> subscriberCount = e -> 0;
    private String baseUrl = "";

    Engine(EmulatorClock clock, @Nullable StateFile stateFile) {
        this.clock = clock;
        this.stateFile = stateFile;
        if (stateFile != null) {
            stateFile.load(scopes, timers);
        }
    }

    EmulatorClock clock() {
        return clock;
    }

    /**
     * The emulated time in unix seconds. While a timer runs it is the timer's due time, so work that became due during
     * a large clock advance is stamped (and schedules follow-up work) as of when it was due.
     */
    long now() {
        Long t = timerTime.get();
        return t != null ? t : clock.instant().getEpochSecond();
    }

    String baseUrl() {
        return baseUrl;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    void onEvents(Consumer<List<Emitted>> sink, ToIntFunction<Emitted> subscribers) {
        this.eventSink = sink;
        this.subscriberCount = subscribers;
    }

    void onTimer(Timer.Kind kind, TimerHandler handler) {
        timerHandlers.put(kind, handler);
    }

    /** Objects visible from every scope by id (e.g. Radar's default rules). */
    void registerGlobal(JsonObject object) {
        globalObjects.put(Json.str(object, "id"), object);
    }

    /** Fills derived fields of an object type at render time (e.g. lists of related objects). */
    void onRender(String objectName, java.util.function.BiConsumer<Scope, JsonObject> hook) {
        renderHooks.put(objectName, hook);
    }

    /** The platform scope of {@code scope}'s API key (itself for the platform). */
    Scope platform(Scope scope) {
        return scope.account() == null ? scope : scope(scope.apiKey(), null);
    }

    Scope scope(String apiKey, @Nullable String account) {
        return scopes.computeIfAbsent(Scope.key(apiKey, account), k -> new Scope(apiKey, account));
    }

    @Nullable
    Scope scopeByKey(String key) {
        return scopes.get(key);
    }

    Iterable<Scope> scopes() {
        return scopes.values();
    }

    /** A stored object of the given type, or a 404 {@code resource_missing}. */
    JsonObject require(Scope scope, @Nullable String id, String objectName, @Nullable String param) {
        JsonObject o = scope.find(id);
        if (o == null || !objectName.equals(Json.str(o, "object"))) {
            throw ApiError.noSuch(displayName(objectName), id, param);
        }
        return o;
    }

    private static String displayName(String objectName) {
        return switch (objectName) {
            case "payment_method" -> "PaymentMethod";
            case "webhook_endpoint" -> "webhook endpoint";
            case "balance_transaction" -> "balance transaction";
            default -> objectName;
        };
    }

    static JsonObject internal(JsonObject stored) {
        JsonObject i = Json.child(stored, INTERNAL);
        if (i == null) {
            i = new JsonObject();
            stored.add(INTERNAL, i);
        }
        return i;
    }

    // ---------------------------------------------------------------- rendering

    /** A copy of a stored object as the API shows it: internal fields removed, {@code expand[]} applied. */
    JsonObject render(Scope scope, JsonObject stored, List<String> expand) {
        JsonObject copy = stored.deepCopy();
        copy.remove(INTERNAL);
        var hook = renderHooks.get(Json.str(copy, "object"));
        if (hook != null) {
            hook.accept(scope, copy);
        }
        for (String path : expand) {
            expandPath(scope, copy, Arrays.asList(path.split("\\.")), path);
        }
        return copy;
    }

    private void expandPath(Scope scope, JsonObject target, List<String> segments, String full) {
        String field = segments.getFirst();
        List<String> rest = segments.subList(1, segments.size());
        if ("list".equals(Json.str(target, "object")) && field.equals("data")) {
            for (JsonElement item : target.getAsJsonArray("data")) {
                if (!rest.isEmpty()) {
                    expandPath(scope, item.getAsJsonObject(), rest, full);
                }
            }
            return;
        }
        if (!target.has(field) && !isVirtualList(target, field)) {
            throw ApiError.invalid("This property cannot be expanded (" + field + ").", "expand", null);
        }
        JsonElement value = target.get(field);
        if (isVirtualList(target, field)) {
            value = virtualList(scope, target, field);
            target.add(field, value);
        } else if (value != null && value.isJsonPrimitive()) {
            JsonObject found = scope.find(value.getAsString());
            Scope owner = scope;
            if (found == null && scope.account() != null) {
                owner = platform(scope);
                found = owner.find(value.getAsString());
            }
            if (found == null && value.getAsString().startsWith("py_")) {
                // a destination payment lives on the connected account named by the transfer
                String account = Json.str(target, "destination");
                if (account != null) {
                    owner = scope(scope.apiKey(), account);
                    found = owner.find(value.getAsString());
                }
            }
            if (found == null) {
                found = globalObjects.get(value.getAsString());
            }
            if (found == null) {
                throw ApiError.invalid("This property cannot be expanded (" + field + ").", "expand", null);
            }
            value = render(owner, found, List.of());
            target.add(field, value);
        }
        if (!rest.isEmpty() && value != null && value.isJsonObject()) {
            expandPath(scope, value.getAsJsonObject(), rest, full);
        }
    }

    private static boolean isVirtualList(JsonObject target, String field) {
        return "charge".equals(Json.str(target, "object")) && field.equals("refunds");
    }

    private JsonObject virtualList(Scope scope, JsonObject charge, String field) {
        String chargeId = Json.requiredStr(charge, "id");
        List<JsonObject> refunds = scope.ofType("refund").stream()
                .filter(r -> chargeId.equals(Json.str(r, "charge")))
                .toList();
        return listObject(scope, "/v1/charges/" + chargeId + "/" + field, refunds, refunds.size(), false, List.of());
    }

    /**
     * Stripe's {@code previous_attributes}: the old values of the top-level fields that changed; hashes (such as
     * metadata) show only their changed keys, with {@code null} for keys that did not exist.
     */
    static JsonObject previousAttributes(JsonObject before, JsonObject after) {
        JsonObject prev = new JsonObject();
        for (String key : union(before, after)) {
            if (key.equals(INTERNAL)) {
                continue;
            }
            JsonElement old = before.has(key) ? before.get(key) : com.google.gson.JsonNull.INSTANCE;
            JsonElement now = after.has(key) ? after.get(key) : com.google.gson.JsonNull.INSTANCE;
            if (old.equals(now)) {
                continue;
            }
            if (old.isJsonObject() && now.isJsonObject() && key.equals("metadata")) {
                JsonObject sub = new JsonObject();
                for (String k : union(old.getAsJsonObject(), now.getAsJsonObject())) {
                    JsonElement o = old.getAsJsonObject().get(k);
                    if (o == null || !o.equals(now.getAsJsonObject().get(k))) {
                        sub.add(k, o == null ? com.google.gson.JsonNull.INSTANCE : o.deepCopy());
                    }
                }
                prev.add(key, sub);
            } else {
                prev.add(key, old.deepCopy());
            }
        }
        return prev;
    }

    private static java.util.Set<String> union(JsonObject a, JsonObject b) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    // ---------------------------------------------------------------- lists

    /** A list object over {@code items} (newest first) honouring limit, cursors and {@code created} filters. */
    JsonObject list(Scope scope, String url, List<JsonObject> items, Params params) {
        Long limit = params.longValue("limit");
        int max = limit == null ? 10 : limit.intValue();
        if (max < 1 || max > 100) {
            throw ApiError.invalid(
                    "Invalid integer: " + limit + " (must be between 1 and 100)", "limit", "parameter_invalid_integer");
        }
        List<JsonObject> filtered = items.stream()
                .filter(o -> createdMatches(params, Json.num(o, "created")))
                .toList();
        String after = params.string("starting_after");
        String before = params.string("ending_before");
        List<JsonObject> window = filtered;
        if (after != null && !after.isEmpty()) {
            int idx = indexOf(filtered, after, "starting_after");
            window = filtered.subList(idx + 1, filtered.size());
        } else if (before != null && !before.isEmpty()) {
            int idx = indexOf(filtered, before, "ending_before");
            window = filtered.subList(Math.max(0, idx - max), idx);
            return listObject(scope, url, window, window.size(), idx - max > 0, itemExpand(params));
        }
        boolean hasMore = window.size() > max;
        List<JsonObject> page = window.subList(0, Math.min(max, window.size()));
        return listObject(scope, url, page, page.size(), hasMore, itemExpand(params));
    }

    private static int indexOf(List<JsonObject> items, String id, String param) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(Json.str(items.get(i), "id"))) {
                return i;
            }
        }
        throw ApiError.noSuch("object", id, param);
    }

    private static List<String> itemExpand(Params params) {
        return params.expand().stream()
                .filter(e -> e.startsWith("data."))
                .map(e -> e.substring(5))
                .toList();
    }

    private JsonObject listObject(
            Scope scope, String url, List<JsonObject> items, int count, boolean hasMore, List<String> expand) {
        JsonArray data = new JsonArray();
        for (int i = 0; i < count; i++) {
            data.add(render(scope, items.get(i), expand));
        }
        return Json.obj("object", "list", "data", data, "has_more", hasMore, "url", url);
    }

    private static boolean createdMatches(Params params, long created) {
        if (!params.has("created")) {
            return true;
        }
        Params range = params.tree().get("created").isJsonObject() ? params.nested("created") : null;
        if (range == null) {
            return created == params.requiredLong("created");
        }
        Long gt = range.longValue("gt");
        Long gte = range.longValue("gte");
        Long lt = range.longValue("lt");
        Long lte = range.longValue("lte");
        return (gt == null || created > gt)
                && (gte == null || created >= gte)
                && (lt == null || created < lt)
                && (lte == null || created <= lte);
    }

    // ---------------------------------------------------------------- events

    /** Records an event about {@code object} (a snapshot is taken now) and queues it for webhook delivery. */
    JsonObject emit(Scope scope, Call call, String type, JsonObject object, @Nullable JsonObject previousAttributes) {
        JsonObject data = Json.obj("object", render(scope, object, List.of()));
        if (previousAttributes != null) {
            data.add("previous_attributes", previousAttributes);
        }
        JsonObject event = new JsonObject();
        event.addProperty("id", Ids.next("evt"));
        event.addProperty("object", "event");
        if (scope.account() != null) {
            event.addProperty("account", scope.account());
        }
        event.addProperty("api_version", API_VERSION);
        event.addProperty("created", now());
        event.add("data", data);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 0);
        event.add("request", Json.obj("id", call.requestId(), "idempotency_key", call.idempotencyKey()));
        event.addProperty("type", type);
        Emitted emitted = new Emitted(scope, event);
        event.addProperty("pending_webhooks", subscriberCount.applyAsInt(emitted));
        scope.put(event);
        call.emitted().add(emitted);
        return event;
    }

    /** Hands the events of a finished call to the webhook dispatcher (call without holding the lock). */
    void publish(Call call) {
        if (!call.emitted().isEmpty()) {
            eventSink.accept(List.copyOf(call.emitted()));
        }
    }

    // ---------------------------------------------------------------- time

    void schedule(long due, Scope scope, Timer.Kind kind, String objectId) {
        timers.add(new Timer(due, scope.key(), kind, objectId));
    }

    /** Runs due timers; returns whether anything changed. Caller holds the lock. */
    boolean runDueTimers(Call call) {
        boolean changed = false;
        long now = clock.instant().getEpochSecond();
        while (true) {
            Timer next = timers.stream()
                    .filter(t -> t.due() <= now)
                    .min((a, b) -> Long.compare(a.due(), b.due()))
                    .orElse(null);
            if (next == null) {
                return changed;
            }
            timers.remove(next);
            Scope scope = scopes.get(next.scopeKey());
            TimerHandler handler = timerHandlers.get(next.kind());
            if (scope != null && handler != null) {
                timerTime.set(next.due());
                try {
                    handler.run(scope, next, call);
                } finally {
                    timerTime.remove();
                }
            }
            changed = true;
        }
    }

    /** Runs due timers, persists and publishes, taking the lock itself. */
    void tick() {
        Call call = Call.system();
        lock.lock();
        try {
            if (runDueTimers(call)) {
                persist();
            }
        } finally {
            lock.unlock();
        }
        publish(call);
    }

    void persist() {
        if (stateFile != null) {
            stateFile.save(scopes.values(), timers);
        }
    }

    void clear() {
        scopes.clear();
        timers.clear();
        persist();
    }
}
