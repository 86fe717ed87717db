package io.freightgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.platform.web.CspViolations;
import io.freightgate.support.GatewayIT;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ground every page stands on: the stylesheet, the app's script and htmx from its webjar are served from the
 * application itself, every page chain sends the one strict Content-Security-Policy, and violation reports are
 * recorded.
 */
class WebFoundationIT extends GatewayIT {

    @Autowired
    CspViolations violations;

    @Test
    void servesTheStylesheetTheScriptAndHtmxFromTheApplication() {
        var css = api.get("/css/app.css").send();
        var js = api.get("/js/app.js").send();
        var htmx = api.get("/webjars/htmx.org/dist/htmx.min.js").send();

        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.body()).contains(":focus-visible");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.body()).contains("securitypolicyviolation").contains("htmx:evalDisallowedError");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("version:\"2.0");
    }

    @Test
    void everyPageChainSendsTheStrictPolicy() {
        for (String path :
                List.of("/login", "/password-reset", "/invitations/" + UUID.randomUUID(), "/pay/unknown", "/readyz")) {
            String policy = api.get(path).send().header("Content-Security-Policy");
            assertThat(policy)
                    .as(path)
                    .contains("script-src 'self'")
                    .contains("style-src 'self';")
                    .contains("frame-ancestors 'none'")
                    .contains("base-uri 'none'")
                    .contains("form-action 'self'")
                    .contains("report-uri /csp-reports")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
        }
    }

    @Test
    void recordsTheViolationsBrowsersReport() {
        String page = "http://localhost/login?probe=" + UUID.randomUUID();
        var report = api.call("POST", "/csp-reports", """
                        {"csp-report":{"document-uri":"%s","effective-directive":"script-src-elem",\
                        "blocked-uri":"inline","script-sample":"alert(1)"}}""".formatted(page), "application/csp-report")
                .send();
        var reportingApi = api.call("POST", "/csp-reports", """
                        [{"type":"csp-violation","body":{"documentURL":"%s","effectiveDirective":"style-src-attr",\
                        "blockedURL":"inline"}}]""".formatted(page), "application/reports+json")
                .send();

        assertThat(report.status()).isEqualTo(204);
        assertThat(reportingApi.status()).isEqualTo(204);
        assertThat(violations.about(page))
                .extracting(CspViolations.Violation::directive)
                .containsExactly("script-src-elem", "style-src-attr");
    }

    @Test
    void aReportThatIsNotJsonIsIgnored() {
        var junk = api.call("POST", "/csp-reports", "<not json>", "text/plain").send();

        assertThat(junk.status()).isEqualTo(204);
    }
}
