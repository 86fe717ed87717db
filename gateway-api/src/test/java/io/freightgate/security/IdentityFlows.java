package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The web client's login (authorization code with PKCE, no second factor) and refresh, for tests. */
final class IdentityFlows {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private IdentityFlows() {}

    static JsonNode logIn(
            BrowserLogin browser, WebClientRegistration webClient, String email, String password, String clientSecret)
            throws Exception {
        var authorize = browser.get(browser.authorizeUrl(webClient.redirectUri()));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        var loggedIn = browser.submit("/login", "/login", Map.of("username", email, "password", password));
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        var authorized = browser.get(loggedIn.headers().firstValue("Location").orElseThrow());
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        Matcher code = Pattern.compile("[?&]code=([^&]+)")
                .matcher(authorized.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).isTrue();
        var token = browser.token(
                clientSecret,
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                        "redirect_uri",
                        webClient.redirectUri(),
                        "code_verifier",
                        browser.verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    static HttpResponse<String> refresh(BrowserLogin browser, String clientSecret, String refreshToken)
            throws Exception {
        return browser.token(clientSecret, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }
}
