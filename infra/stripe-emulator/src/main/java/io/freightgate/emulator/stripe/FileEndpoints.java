package io.freightgate.emulator.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1/files} (multipart, on the files base), {@code GET /v1/files[/{id}]} and
 * {@code /v1/files/{id}/contents}. Purpose {@code dispute_evidence} accepts PDF, JPEG and PNG recognised by their
 * magic bytes, at most 5 MB; the bytes are kept (and persisted) so tests can read back exactly what was uploaded
 * (docs.stripe.com/api/files, /file-upload; stripe.md section 7).
 */
final class FileEndpoints {

    static final long MAX_DISPUTE_FILE_BYTES = 5L * 1024 * 1024;
    static final long EXPIRY_SECONDS = Duration.ofDays(274).toSeconds(); // about 9 months
    static final Set<String> PURPOSES = Set.of(
            "dispute_evidence",
            "identity_document",
            "additional_verification",
            "business_icon",
            "business_logo",
            "customer_signature",
            "tax_document_user_upload",
            "account_requirement");
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![A-Za-z])");

    /** Header key the front end turns into a raw (non-JSON) response. */
    static final String RAW = "__raw_base64";

    private final Engine engine;

    FileEndpoints(Engine engine) {
        this.engine = engine;
    }

    void register(Router router) {
        router.add("POST", "/v1/files", Set.of("purpose", "file", "file_link_data"), this::create);
        router.add(
                "GET", "/v1/files/{id}", Set.of(), c -> engine.render(c.scope(), file(c.scope(), c.id()), c.expand()));
        router.add("GET", "/v1/files/{id}/contents", Set.of(), c -> {
            JsonObject f = file(c.scope(), c.id());
            return Json.obj(
                    RAW, Json.str(Engine.internal(f), "content"), "content_type", contentType(Json.str(f, "type")));
        });
        router.add("GET", "/v1/files", Set.of("purpose", "limit", "starting_after", "ending_before", "created"), c -> {
            String purpose = c.params().string("purpose");
            List<JsonObject> items = c.scope().ofType("file").stream()
                    .filter(f -> purpose == null || purpose.equals(Json.str(f, "purpose")))
                    .toList();
            return engine.list(c.scope(), "/v1/files", items, c.params());
        });
    }

    JsonObject file(Scope scope, String id) {
        return engine.require(scope, id, "file", "file");
    }

    static byte[] bytes(JsonObject file) {
        return Base64.getDecoder().decode(Json.str(Engine.internal(file), "content"));
    }

    static long pages(JsonObject file) {
        return Json.num(Engine.internal(file), "pages");
    }

    private JsonObject create(ApiCall c) {
        String purpose = c.params().requiredString("purpose");
        if (!PURPOSES.contains(purpose)) {
            throw ApiError.invalid(
                    "Invalid purpose: must be one of "
                            + String.join(", ", PURPOSES.stream().sorted().toList()),
                    "purpose",
                    null);
        }
        Multipart.Part part = c.parts().stream()
                .filter(p -> "file".equals(p.name()) && p.filename() != null)
                .findFirst()
                .orElseThrow(() -> ApiError.missingParam("file"));
        byte[] data = part.data();
        String type = sniff(data);
        if (purpose.equals("dispute_evidence")) {
            if (type == null) {
                throw ApiError.invalid(
                        "Files with purpose `dispute_evidence` must be PDF, JPEG or PNG; the uploaded file is none of"
                                + " them.",
                        "file",
                        "file_upload_invalid_type");
            }
            if (data.length > MAX_DISPUTE_FILE_BYTES) {
                throw ApiError.invalid(
                        "The file is " + data.length + " bytes; files with purpose `dispute_evidence` may be at most"
                                + " 5 MB (" + MAX_DISPUTE_FILE_BYTES + " bytes).",
                        "file",
                        "file_too_large");
            }
        }
        if (data.length == 0) {
            throw ApiError.invalid("The uploaded file is empty.", "file", null);
        }
        String id = "file_" + Ids.random(24);
        long now = engine.now();
        JsonObject f = Json.obj(
                "id",
                id,
                "object",
                "file",
                "created",
                now,
                "expires_at",
                now + EXPIRY_SECONDS,
                "filename",
                part.filename(),
                "links",
                Json.obj(
                        "object",
                        "list",
                        "data",
                        new JsonArray(),
                        "has_more",
                        false,
                        "url",
                        "/v1/file_links?file=" + id),
                "purpose",
                purpose,
                "size",
                data.length,
                "title",
                null,
                "type",
                type == null ? extension(part.filename()) : type,
                "url",
                engine.baseUrl() + "/v1/files/" + id + "/contents");
        JsonObject internal = Engine.internal(f);
        internal.addProperty("content", Base64.getEncoder().encodeToString(data));
        internal.addProperty("pages", "pdf".equals(type) ? countPdfPages(data) : 1);
        internal.addProperty("content_type", part.contentType());
        c.scope().put(f);
        engine.emit(c.scope(), c.call(), "file.created", f, null);
        return engine.render(c.scope(), f, c.expand());
    }

    /** {@code pdf}, {@code jpg} or {@code png} by magic bytes, else {@code null}. */
    static @Nullable String sniff(byte[] d) {
        if (d.length >= 5 && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F' && d[4] == '-') {
            return "pdf";
        }
        if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "jpg";
        }
        if (d.length >= 8
                && (d[0] & 0xFF) == 0x89
                && d[1] == 'P'
                && d[2] == 'N'
                && d[3] == 'G'
                && d[4] == 0x0D
                && d[5] == 0x0A
                && d[6] == 0x1A
                && d[7] == 0x0A) {
            return "png";
        }
        return null;
    }

    /**
     * Pages of a PDF, approximated without a PDF library: the number of {@code /Type /Page} objects (not
     * {@code /Pages}) in the raw bytes. Page objects inside compressed object streams (PDF 1.5+) are not seen; such a
     * file counts as at least 1 page.
     */
    static long countPdfPages(byte[] data) {
        Matcher m = PAGE.matcher(new String(data, StandardCharsets.ISO_8859_1));
        long n = 0;
        while (m.find()) {
            n++;
        }
        return Math.max(1, n);
    }

    private static @Nullable String extension(@Nullable String filename) {
        if (filename == null) {
            return null;
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? null : filename.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    static String contentType(@Nullable String type) {
        return switch (type == null ? "" : type) {
            case "pdf" -> "application/pdf";
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            default -> "application/octet-stream";
        };
    }
}
