package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Persists the emulator's state as one JSON snapshot ({@code stripe-emulator-state.json}), rewritten atomically
 * after every change and read back at start.
 */
final class StateFile {

    static final String FILE_NAME = "stripe-emulator-state.json";
    private static final int FORMAT = 1;

    private final Path file;

    StateFile(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    void load(Map<String, Scope> scopes, List<Timer> timers) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonObject root = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            for (JsonElement s : root.getAsJsonArray("scopes")) {
                JsonObject so = s.getAsJsonObject();
                Scope scope = new Scope(Json.requiredStr(so, "api_key"), Json.str(so, "account"));
                for (JsonElement o : so.getAsJsonArray("objects")) {
                    scope.put(o.getAsJsonObject());
                }
                scopes.put(scope.key(), scope);
            }
            for (JsonElement t : root.getAsJsonArray("timers")) {
                JsonObject to = t.getAsJsonObject();
                timers.add(new Timer(
                        Json.num(to, "due"),
                        Json.requiredStr(to, "scope"),
                        Timer.Kind.valueOf(Json.requiredStr(to, "kind")),
                        Json.requiredStr(to, "object")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    void save(Collection<Scope> scopes, Collection<Timer> timers) {
        JsonArray scopeArray = new JsonArray();
        for (Scope scope : scopes) {
            JsonArray objects = new JsonArray();
            scope.all().forEach(objects::add);
            scopeArray.add(Json.obj("api_key", scope.apiKey(), "account", scope.account(), "objects", objects));
        }
        JsonArray timerArray = new JsonArray();
        for (Timer t : timers) {
            timerArray.add(Json.obj(
                    "due", t.due(), "scope", t.scopeKey(), "kind", t.kind().name(), "object", t.objectId()));
        }
        JsonObject root = Json.obj("format", FORMAT, "scopes", scopeArray, "timers", timerArray);
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, Json.GSON.toJson(root), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
