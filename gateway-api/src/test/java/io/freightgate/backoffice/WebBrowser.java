package io.freightgate.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.security.TotpEnrolment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for the web app's pages, as far as HTTP goes: cookies kept by hand, redirects followed one by one (each
 * hop recorded), the configured issuer's origin ({@code http://localhost:0} in tests, where the server's port is chosen
 * at start) mapped to the test server's port, a fixed client address per instance (the login throttle counts per address).
 */
public final class WebBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final String clientIp;
    private final String issuerOrigin;
    final Map<String, String> cookies = new LinkedHashMap<>();
    final List<String> visited = new java.util.ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public WebBrowser(int port, String issuer, String clientIp) {
        this.base = "http://localhost:" + port;
        this.issuerOrigin = issuer;
        this.clientIp = clientIp;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** GETs the page and follows its redirects within this site; answers the last response. */
    public HttpResponse<String> open(String pathOrUrl) {
        HttpResponse<String> response = get(pathOrUrl);
        for (int hops = 0; hops < 15 && isRedirect(response); hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            if (!ownSite(location)) {
                visited.add("-> " + location);
                return response;
            }
            response = get(location);
        }
        return response;
    }

    public HttpResponse<String> follow(HttpResponse<String> response) {
        return isRedirect(response)
                ? open(response.headers().firstValue("Location").orElseThrow())
                : response;
    }

    /** Posts a form with the CSRF token of {@code page} (a response showing the form). */
    public HttpResponse<String> submit(HttpResponse<String> page, String action, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find())
                .as("CSRF token on " + page.uri() + ": " + page.body())
                .isTrue();
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1).replace("&#45;", "-"));
        return send(HttpRequest.newBuilder(uri(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /**
     * Logs in from {@code /}: the web app sends the anonymous browser through the authorization server's login (email,
     * password, and the TOTP code when {@code totpSecret} is given) and back; answers the page it lands on.
     */
    public HttpResponse<String> logInFromTheFirstPage(
            String email, String password, Optional<String> totpSecret, Instant now) {
        return logInFromTheFirstPage(email, password, totpSecret, now, Map.of());
    }

    /** The same, sending {@code moreFields} with the login form (what a page script would have filled in). */
    public HttpResponse<String> logInFromTheFirstPage(
            String email, String password, Optional<String> totpSecret, Instant now, Map<String, String> moreFields) {
        HttpResponse<String> loginPage = open("/");
        assertThat(loginPage.uri().getPath()).as(visited.toString()).isEqualTo("/login");
        Map<String, String> fields = new java.util.LinkedHashMap<>(moreFields);
        fields.put("username", email);
        fields.put("password", password);
        HttpResponse<String> afterPassword = submit(loginPage, "/login", fields);
        assertThat(afterPassword.statusCode()).as(afterPassword.body()).isEqualTo(302);
        if (totpSecret.isPresent()) {
            HttpResponse<String> codePage = follow(afterPassword);
            assertThat(codePage.uri().getPath()).isEqualTo("/login/second-factor");
            // The next step's code: the demo's enrolment may have spent the current one.
            afterPassword = submit(
                    codePage, "/login/second-factor", Map.of("code", code(totpSecret.get(), now.plusSeconds(30))));
            assertThat(afterPassword.statusCode()).as(afterPassword.body()).isEqualTo(302);
        }
        return follow(afterPassword);
    }

    public static String code(String base32Secret, Instant at) {
        return new TotpEnrolment("", base32Secret, Optional.empty(), List.of()).codeAt(at);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        builder.header("Accept", "text/html").header("X-Forwarded-For", clientIp);
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpRequest request = builder.build();
            visited.add(request.method() + " " + request.uri().getPath());
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean ownSite(String location) {
        return location.startsWith("/") && !location.startsWith("//")
                || location.startsWith(base)
                || location.startsWith(issuerOrigin);
    }

    private URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith(issuerOrigin)) {
            return URI.create(base + pathOrUrl.substring(issuerOrigin.length()));
        }
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() / 100 == 3;
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
