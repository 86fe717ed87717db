package io.freightgate.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running gateway, as an integrator's code would call it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Call get(String path) {
        return new Call("GET", path, null, null);
    }

    public Call post(String path, String json) {
        return new Call("POST", path, json, "application/json");
    }

    public Call call(String method, String path, String body, String contentType) {
        return new Call(method, path, body, contentType);
    }

    /** A request with a binary body (multipart uploads). */
    public Call call(String method, String path, byte[] body, String contentType) {
        var call = new Call(method, path, null, contentType);
        call.bytes = body;
        return call;
    }

    /**
     * A {@code multipart/form-data} request: the text {@code fields}, then one file part.
     */
    public Call multipart(
            String method,
            String path,
            java.util.Map<String, String> fields,
            String fileField,
            String fileName,
            String fileContentType,
            byte[] content) {
        String boundary = "fg" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + fileContentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return call(method, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final String body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] bytes;
        private Duration timeout = Duration.ofSeconds(30);

        private Call(String method, String path, String body, String contentType) {
            this.method = method;
            this.path = path;
            this.body = body;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** For slow first requests (the API document is built on its first request: minutes on a busy machine). */
        public Call timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The response body as bytes (a downloaded file). */
        public byte[] sendBytes() {
            try {
                return http.send(request(), HttpResponse.BodyHandlers.ofByteArray())
                        .body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public Response send() {
            try {
                return new Response(http.send(request(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest request() {
            var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
            headers.forEach(builder::header);
            builder.method(
                    method,
                    bytes != null
                            ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                            : body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            return builder.build();
        }
    }

    /** A response with its body parsed on demand. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }
}
