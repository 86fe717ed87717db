package io.freightgate.emulator.stripe;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The emulator's JSON codec and small builders for Stripe-shaped objects. */
final class Json {

    static final Gson GSON =
            new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    static final Gson PRETTY = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create();

    private Json() {}

    static JsonObject obj(@Nullable Object... keyValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            o.add((String) keyValues[i], of(keyValues[i + 1]));
        }
        return o;
    }

    static JsonElement of(@Nullable Object value) {
        return switch (value) {
            case null -> JsonNull.INSTANCE;
            case JsonElement e -> e;
            case String s -> new JsonPrimitive(s);
            case Number n -> new JsonPrimitive(n);
            case Boolean b -> new JsonPrimitive(b);
            case Map<?, ?> m -> {
                JsonObject o = new JsonObject();
                m.forEach((k, v) -> o.add(String.valueOf(k), of(v)));
                yield o;
            }
            case Iterable<?> it -> {
                JsonArray a = new JsonArray();
                it.forEach(v -> a.add(of(v)));
                yield a;
            }
            default -> new JsonPrimitive(String.valueOf(value));
        };
    }

    static JsonArray array(@Nullable Object... values) {
        JsonArray a = new JsonArray();
        for (Object v : values) {
            a.add(of(v));
        }
        return a;
    }

    static @Nullable String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** A field the emulator itself always writes: missing (or null) is a bug in the emulator, not a client error. */
    static String requiredStr(JsonObject o, String key) {
        String value = str(o, key);
        if (value == null) {
            throw new IllegalStateException("the emulator's object has no " + key + ": " + o);
        }
        return value;
    }

    static long num(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? 0L : e.getAsLong();
    }

    static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }

    static @Nullable JsonObject child(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    /** A nested object the emulator itself always writes: missing is a bug in the emulator, not a client error. */
    static JsonObject requiredChild(JsonObject o, String key) {
        JsonObject value = child(o, key);
        if (value == null) {
            throw new IllegalStateException("the emulator's object has no " + key + ": " + o);
        }
        return value;
    }

    static JsonObject parse(String json) {
        return GSON.fromJson(json, JsonObject.class);
    }
}
