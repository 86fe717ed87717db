package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes Stripe's v1 form encoding ({@code a[b][0][c]=v}, raw or percent-encoded brackets, {@code key=} for an
 * empty list) into a JSON tree whose leaves are strings.
 */
final class FormCodec {

    private FormCodec() {}

    /** The decoded pairs in wire order. */
    static List<Map.Entry<String, String>> pairs(String encoded) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String part : encoded.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            out.add(Map.entry(decode(k), decode(v)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("Invalid request: malformed URL encoding.", null, null);
        }
    }

    /** A canonical form of the parameters, used to compare idempotent requests. */
    static String fingerprint(List<Map.Entry<String, String>> pairs) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (var p : pairs) {
            sorted.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue());
        }
        return sorted.toString();
    }

    static JsonObject tree(List<Map.Entry<String, String>> pairs) {
        JsonObject root = new JsonObject();
        for (var p : pairs) {
            insert(root, path(p.getKey()), p.getValue());
        }
        return (JsonObject) arrays(root);
    }

    static List<String> path(String key) {
        List<String> segments = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            segments.add(key);
            return segments;
        }
        segments.add(key.substring(0, open));
        int i = open;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw ApiError.invalid("Invalid parameter name: " + key, key, "parameter_invalid_empty");
            }
            segments.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return segments;
    }

    private static void insert(JsonObject root, List<String> path, String value) {
        JsonObject node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String seg = segment(node, path.get(i));
            JsonElement next = node.get(seg);
            if (next == null || !next.isJsonObject()) {
                JsonObject created = new JsonObject();
                node.add(seg, created);
                next = created;
            }
            node = next.getAsJsonObject();
        }
        node.add(segment(node, path.getLast()), new JsonPrimitive(value));
    }

    private static String segment(JsonObject node, String seg) {
        return seg.isEmpty() ? Integer.toString(node.size()) : seg;
    }

    /** Turns objects whose keys are all indexes into arrays, recursively. */
    private static JsonElement arrays(JsonElement e) {
        if (!e.isJsonObject()) {
            return e;
        }
        JsonObject o = e.getAsJsonObject();
        JsonObject copy = new JsonObject();
        boolean allIndexes = !o.isEmpty();
        for (var entry : o.entrySet()) {
            copy.add(entry.getKey(), arrays(entry.getValue()));
            allIndexes &= entry.getKey().chars().allMatch(Character::isDigit)
                    && !entry.getKey().isEmpty();
        }
        if (!allIndexes) {
            return copy;
        }
        TreeMap<Integer, JsonElement> ordered = new TreeMap<>();
        copy.entrySet().forEach(en -> ordered.put(Integer.parseInt(en.getKey()), en.getValue()));
        JsonArray a = new JsonArray();
        ordered.values().forEach(a::add);
        return a;
    }
}
