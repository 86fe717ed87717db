package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one API key, either for the platform ({@code account == null}) or for one connected account (the
 * {@code Stripe-Account} header). Objects keep creation order; lists are served newest first.
 */
final class Scope {

    private final String apiKey;
    private final @Nullable String account;
    private final Map<String, JsonObject> objects = new LinkedHashMap<>();

    Scope(String apiKey, @Nullable String account) {
        this.apiKey = apiKey;
        this.account = account;
    }

    static String key(String apiKey, @Nullable String account) {
        return account == null ? apiKey : apiKey + "|" + account;
    }

    String key() {
        return key(apiKey, account);
    }

    String apiKey() {
        return apiKey;
    }

    /** The connected account, or null for the platform. */
    @Nullable
    String account() {
        return account;
    }

    @Nullable
    JsonObject find(@Nullable String id) {
        return id == null ? null : objects.get(id);
    }

    void put(JsonObject object) {
        objects.put(Json.str(object, "id"), object);
    }

    /** Objects of one type, newest first. */
    List<JsonObject> ofType(String objectName) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject o : objects.values()) {
            if (objectName.equals(Json.str(o, "object"))) {
                out.add(o);
            }
        }
        return out.reversed();
    }

    Iterable<JsonObject> all() {
        return objects.values();
    }
}
