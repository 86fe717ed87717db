package io.freightgate.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.freightgate.platform.web.CspViolations;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every page the browser tests open must pass: no error in the browser's console (a refused inline script or
 * style, a failed asset, a script error, {@code htmx:evalDisallowedError}: app.js logs them with
 * {@code console.error}), no Content-Security-Policy violation reported to {@code /csp-reports} ({@link CspViolations})
 * about the application's pages, and no serious or critical axe-core violation of WCAG 2.x A/AA. The console is read
 * through {@code goog:loggingPrefs}; reading it empties it, so each check sees what happened since the last one.
 */
public final class PageChecks {

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private final WebDriver browser;
    private final CspViolations violations;
    private final String origin;
    private int reportsSeen;

    /** Checks for pages of {@code origin} ({@code http://localhost:port}). */
    public PageChecks(WebDriver browser, CspViolations violations, String origin) {
        this.browser = browser;
        this.violations = violations;
        this.origin = origin;
        this.reportsSeen = reports().size();
    }

    /** Fails with every problem of the page the browser shows now, named {@code page} in the message. */
    public void check(String page) {
        List<String> problems = new ArrayList<>();
        problems.addAll(consoleErrors());
        problems.addAll(cspReports());
        problems.addAll(accessibilityViolations());
        if (!problems.isEmpty()) {
            throw new AssertionError(page + " (" + browser.getCurrentUrl() + ") has " + problems.size()
                    + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Fails if a violation report about the application's pages arrived since the last check. */
    public void checkReports(String when) {
        List<String> problems = cspReports();
        if (!problems.isEmpty()) {
            throw new AssertionError(when + ": " + String.join("\n  - ", problems));
        }
    }

    /**
     * The console's errors (level SEVERE) since the last read. The document's own non-2xx status is not one: a 404 page
     * is asserted by the test that opens it; a failed stylesheet or script is.
     */
    List<String> consoleErrors() {
        String document = browser.getCurrentUrl();
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
                continue;
            }
            String message = entry.getMessage();
            if (document != null && message.startsWith(document + " - Failed to load resource: the server responded")) {
                continue;
            }
            errors.add("console error: " + message);
        }
        return errors;
    }

    /** The violation reports about the application's pages that arrived since the last check. */
    List<String> cspReports() {
        List<CspViolations.Violation> all = reports();
        List<String> fresh = all.subList(Math.min(reportsSeen, all.size()), all.size()).stream()
                .map(v -> "CSP violation reported: " + v.directive() + " blocked " + v.blockedUri() + " on "
                        + v.documentUri() + (v.sample().isBlank() ? "" : " (" + v.sample() + ")"))
                .toList();
        reportsSeen = all.size();
        return fresh;
    }

    /** axe-core's serious and critical violations of WCAG 2.x A and AA on the page (not in its frames). */
    List<String> accessibilityViolations() {
        // Frames are not analysed: the application's own pages frame only other documents (a mail's HTML body in a
        // script-less sandbox, where axe-core cannot run and would wait a minute for an answer; Stripe's card field).
        // Legacy mode runs axe-core in the page itself: the newer mode opens an about:blank window with a one-second
        // page-load timeout first, which a loaded CI machine misses ("Timed out receiving message from renderer:
        // 1.000").
        Results results = new AxeBuilder()
                .withTags(AXE_TAGS)
                .disableIframeTesting()
                .setLegacyMode(true)
                .analyze(browser);
        if (results.isErrored()) {
            return List.of("axe-core could not analyse the page: " + results.getErrorMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (rule.getImpact() != null && FAILING_IMPACTS.contains(rule.getImpact())) {
                problems.add("axe " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " ("
                        + rule.getNodes().size() + " element(s), first: "
                        + (rule.getNodes().isEmpty()
                                ? "-"
                                : rule.getNodes().getFirst().getTarget())
                        + ")");
            }
        }
        return problems;
    }

    private List<CspViolations.Violation> reports() {
        return violations.about(origin);
    }
}
