package io.freightgate.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The browser checks can fail: on test pages (src/test/resources/static/test-pages/, never in the application) an
 * inline script and an inline style planted under the strict policy fail the check through the browser's console and
 * through the report endpoint, and an image without an alternative text and an unlabelled field fail axe-core. A clean
 * page passes.
 */
class PageChecksIT extends BrowserJourney {

    static final String PLANTED = "/test-pages/planted-inline-script.html";

    @Test
    void aCleanPagePasses() {
        open("/test-pages/clean.html");
    }

    @Test
    void anInlineScriptPlantedInAPageFailsTheCheckThroughTheConsoleAndTheReportEndpoint() throws Exception {
        browser.get(origin() + PLANTED);

        assertThat(browser.getTitle())
                .as("the policy kept the planted script from running")
                .isEqualTo("Planted inline script · FreightGate tests");
        await().atMost(Duration.ofSeconds(10)).until(() -> cspViolations.about(origin() + PLANTED).stream()
                .anyMatch(v -> v.directive().startsWith("script-src")));
        assertThatThrownBy(() -> check("the planted page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("console error: ")
                .hasMessageContaining("Content Security Policy")
                .hasMessageContaining("CSP violation reported: script-src");

        // The planted style's report may come later; it must not fail the test that planted it.
        Thread.sleep(500);
        checks = new PageChecks(browser, cspViolations, origin());
    }

    @Test
    void aPageWithCriticalAccessibilityFaultsFailsTheCheck() {
        browser.get(origin() + "/test-pages/inaccessible.html");

        assertThatThrownBy(() -> check("the inaccessible page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("axe critical image-alt")
                .hasMessageContaining("label")
                .hasMessageNotContaining("console error");
    }
}
