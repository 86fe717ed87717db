package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.support.GatewayIT;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The password-reset form takes from the same per-address bucket as the API. The limit is set as in {@code
 * RateLimitIT} (3 an hour, so the bucket does not refill during the test), which shares this Spring context.
 */
@TestPropertySource(properties = {"freightgate.rate-limit.api.capacity=3", "freightgate.rate-limit.api.period=PT1H"})
class PasswordResetFormRateLimitIT extends GatewayIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void theResetFormOverTheLimitAnswers429AndSharesTheApisBudget() throws Exception {
        BrowserLogin browser = new BrowserLogin(port, "198.51.130.7");
        String csrf = csrfToken(browser);
        for (int i = 0; i < 3; i++) {
            var accepted = browser.postForm("/password-reset", form("nobody-" + i + "@limit.test", csrf));
            assertThat(accepted.statusCode()).as("request %d", i).isEqualTo(202);
        }

        var limited = browser.postForm("/password-reset", form("nobody@limit.test", csrf));

        assertThat(limited.statusCode()).as("request 4 from one address").isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(limited.body()).contains("/problems/rate-limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        var apiFromThere = api.post("/api/v1/password-resets", "{\"email\":\"nobody@limit.test\"}")
                .header("X-Forwarded-For", browser.clientIp)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(apiFromThere.status())
                .as("the form and the API share one budget")
                .isEqualTo(429);
        BrowserLogin elsewhere = new BrowserLogin(port, "198.51.130.8");
        assertThat(elsewhere
                        .postForm("/password-reset", form("a@limit.test", csrfToken(elsewhere)))
                        .statusCode())
                .isEqualTo(202);
    }

    /** The page's CSRF token (empty when the page has none, as before issue 16). */
    private static String csrfToken(BrowserLogin browser) throws Exception {
        var matcher = CSRF.matcher(browser.get("/password-reset").body());
        return matcher.find() ? matcher.group(1).replace("&#45;", "-") : "";
    }

    private static Map<String, String> form(String email, String csrf) {
        return csrf.isEmpty() ? Map.of("email", email) : Map.of("email", email, "_csrf", csrf);
    }
}
