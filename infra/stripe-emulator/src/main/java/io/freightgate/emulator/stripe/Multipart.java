package io.freightgate.emulator.stripe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A minimal {@code multipart/form-data} decoder for stripe-java's file uploads. */
final class Multipart {

    /** One part: its form name, optional file name and content type, and raw bytes. */
    record Part(
            @Nullable String name,
            @Nullable String filename,
            @Nullable String contentType,
            byte[] data) {
        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {}

    static String boundary(String contentType) {
        for (String piece : contentType.split(";")) {
            String p = piece.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw ApiError.invalid("Invalid multipart request: no boundary.", null, null);
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start = skipCrlf(body, start);
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int end = next;
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
                end -= 2;
            }
            parts.add(part(Arrays.copyOfRange(body, start, end)));
            pos = next;
        }
        return parts;
    }

    private static Part part(byte[] raw) {
        byte[] sep = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int headerEnd = indexOf(raw, sep, 0);
        String headers = headerEnd < 0 ? "" : new String(raw, 0, headerEnd, StandardCharsets.UTF_8);
        byte[] data = headerEnd < 0 ? raw : Arrays.copyOfRange(raw, headerEnd + sep.length, raw.length);
        Map<String, String> h = new LinkedHashMap<>();
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                h.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        String disposition = h.getOrDefault("content-disposition", "");
        return new Part(
                attribute(disposition, "name"), attribute(disposition, "filename"), h.get("content-type"), data);
    }

    private static @Nullable String attribute(String header, String name) {
        for (String piece : header.split(";")) {
            String p = piece.trim();
            if (p.startsWith(name + "=")) {
                String v = p.substring(name.length() + 1);
                return v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            }
        }
        return null;
    }

    private static int skipCrlf(byte[] b, int i) {
        return i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n' ? i + 2 : i;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
