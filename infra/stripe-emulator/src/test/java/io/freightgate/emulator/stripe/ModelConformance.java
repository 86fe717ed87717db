package io.freightgate.emulator.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import com.stripe.model.ExpandableField;
import com.stripe.model.StripeObjectInterface;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares JSON the emulator emits with the fields stripe-java's model classes declare (Gson
 * {@code @SerializedName}), recursively through nested objects, lists and expanded fields.
 */
final class ModelConformance {

    private ModelConformance() {}

    /** Keys the model does not know, as {@code Class.path}. */
    static List<String> unknownKeys(JsonObject json, Class<?> model) {
        List<String> out = new ArrayList<>();
        check(json, model, model.getSimpleName(), out);
        return out;
    }

    private static void check(JsonObject json, Class<?> model, String path, List<String> out) {
        Map<String, Field> fields = fields(model);
        for (var entry : json.entrySet()) {
            Field f = fields.get(entry.getKey());
            if (f == null) {
                out.add(path + "." + entry.getKey());
                continue;
            }
            descend(entry.getValue(), f.getGenericType(), path + "." + entry.getKey(), out);
        }
    }

    private static void descend(JsonElement value, Type type, String path, List<String> out) {
        if (value == null || value.isJsonNull()) {
            return;
        }
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (raw == ExpandableField.class) {
                if (value.isJsonObject()) {
                    descend(value, pt.getActualTypeArguments()[0], path, out);
                }
                return;
            }
            if (List.class.isAssignableFrom(raw) && value.isJsonArray()) {
                for (JsonElement item : value.getAsJsonArray()) {
                    descend(item, pt.getActualTypeArguments()[0], path + "[]", out);
                }
                return;
            }
            return; // maps (metadata) and other generics carry free-form keys
        }
        if (type instanceof Class<?> c && StripeObjectInterface.class.isAssignableFrom(c) && value.isJsonObject()) {
            check(value.getAsJsonObject(), c, path, out);
        }
    }

    private static Map<String, Field> fields(Class<?> model) {
        Map<String, Field> out = new HashMap<>();
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                SerializedName name = f.getAnnotation(SerializedName.class);
                // stripe-java's Gson uses LOWER_CASE_WITH_UNDERSCORES for fields without @SerializedName
                out.putIfAbsent(
                        name != null
                                ? name.value()
                                : f.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT),
                        f);
            }
        }
        return out;
    }
}
