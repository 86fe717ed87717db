package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Typed, validating access to a request's decoded parameters, raising Stripe's parameter errors. */
record Params(JsonObject tree) {

    boolean has(String key) {
        return tree.has(key);
    }

    /** Rejects top-level keys the endpoint does not declare ({@code parameter_unknown}). */
    void allowOnly(Set<String> allowed) {
        for (String key : tree.keySet()) {
            if (!allowed.contains(key) && !key.equals("expand")) {
                throw ApiError.unknownParam(key);
            }
        }
    }

    @Nullable
    String string(String key) {
        JsonElement e = tree.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw ApiError.invalid("Invalid string: " + e, key, "parameter_invalid_string");
        }
        return e.getAsString();
    }

    String requiredString(String key) {
        String v = string(key);
        if (v == null || v.isEmpty()) {
            throw ApiError.missingParam(key);
        }
        return v;
    }

    @Nullable
    Long longValue(String key) {
        String v = string(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid integer: " + v, key, "parameter_invalid_integer");
        }
    }

    long requiredLong(String key) {
        Long v = longValue(key);
        if (v == null) {
            throw ApiError.missingParam(key);
        }
        return v;
    }

    @Nullable
    Boolean bool(String key) {
        String v = string(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalid("Invalid boolean: " + v, key, "parameter_invalid_boolean");
        };
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(bool(key));
    }

    /** A nested hash, or {@code null}; an empty string (unset) yields an empty object. */
    @Nullable
    JsonObject object(String key) {
        JsonElement e = tree.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsString().isEmpty()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw ApiError.invalid("Invalid object", key, "parameter_invalid_object");
        }
        return e.getAsJsonObject();
    }

    @Nullable
    Params nested(String key) {
        JsonObject o = object(key);
        return o == null ? null : new Params(o);
    }

    List<String> strings(String key) {
        JsonElement e = tree.get(key);
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonArray()) {
            for (JsonElement item : (JsonArray) e) {
                out.add(item.getAsString());
            }
        } else if (e.isJsonPrimitive() && !e.getAsString().isEmpty()) {
            out.add(e.getAsString());
        } else if (!e.isJsonPrimitive()) {
            throw ApiError.invalid("Invalid array", key, "parameter_invalid_array");
        }
        return out;
    }

    List<String> expand() {
        return strings("expand");
    }

    /** Applies {@code metadata[k]=v} (empty value deletes a key, {@code metadata=} clears) onto a stored hash. */
    void applyMetadata(JsonObject target) {
        JsonElement e = tree.get("metadata");
        if (e == null) {
            return;
        }
        JsonObject current = Json.child(target, "metadata");
        if (current == null || (e.isJsonPrimitive() && e.getAsString().isEmpty())) {
            current = new JsonObject();
        }
        if (e.isJsonObject()) {
            for (var entry : e.getAsJsonObject().entrySet()) {
                if (!entry.getValue().isJsonPrimitive()) {
                    throw ApiError.invalid(
                            "Invalid value type: metadata values must be strings",
                            "metadata[" + entry.getKey() + "]",
                            "parameter_invalid_string");
                }
                String v = entry.getValue().getAsString();
                if (v.isEmpty()) {
                    current.remove(entry.getKey());
                } else {
                    current.addProperty(entry.getKey(), v);
                }
            }
        }
        target.add("metadata", current);
    }
}
