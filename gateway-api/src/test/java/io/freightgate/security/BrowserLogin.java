package io.freightgate.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser, as far as the authorization code flow with PKCE needs one: no redirects followed, cookies kept by hand (so
 * {@code Secure} cookies work over the test's plain HTTP), a fixed client address per instance.
 */
final class BrowserLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final String clientIp;
    final Map<String, String> cookies = new LinkedHashMap<>();
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    final String state = UUID.randomUUID().toString();

    BrowserLogin(int port, String clientIp) {
        this.base = "http://localhost:" + port;
        this.clientIp = clientIp;
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Posts a form of a page, with the CSRF token the page carries. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws Exception {
        HttpResponse<String> page = get(pagePath);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on " + pagePath + ": " + page.statusCode() + " " + page.body());
        }
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1).replace("&#45;", "-"));
        return postForm(action, form);
    }

    String authorizeUrl(String redirectUri) throws Exception {
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return "/oauth2/authorize?"
                + encode(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        WebClientRegistration.CLIENT_ID,
                        "scope",
                        "api",
                        "redirect_uri",
                        redirectUri,
                        "state",
                        state,
                        "code_challenge",
                        challenge,
                        "code_challenge_method",
                        "S256"));
    }

    HttpResponse<String> token(String clientSecret, Map<String, String> form) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(
                        (WebClientRegistration.CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        builder.header("Accept", "text/html").header("X-Forwarded-For", clientIp);
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return response;
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
