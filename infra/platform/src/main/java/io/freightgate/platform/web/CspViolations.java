package io.freightgate.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy violations browsers reported ({@link CspReportEndpoint}): logged, and the latest
 * {@value #KEPT} kept in memory so that the browser tests can read them. A report is what a browser claims: anyone can
 * post one, so it is bounded, never trusted and never stored beyond this process.
 */
@Component
public class CspViolations {

    static final int KEPT = 200;

    private static final Logger log = LoggerFactory.getLogger(CspViolations.class);

    /** One reported violation: the page, the directive it broke and what was blocked ({@code inline}, a URL). */
    public record Violation(Instant at, String documentUri, String directive, String blockedUri, String sample) {}

    private final Deque<Violation> latest = new ArrayDeque<>();
    private final Clock clock;

    public CspViolations(Clock clock) {
        this.clock = clock;
    }

    void record(String documentUri, String directive, String blockedUri, String sample) {
        var violation = new Violation(
                clock.instant(), bounded(documentUri), bounded(directive), bounded(blockedUri), bounded(sample));
        log.warn(
                "Content-Security-Policy violation on {}: {} blocked {}",
                violation.documentUri(),
                violation.directive(),
                violation.blockedUri());
        synchronized (latest) {
            latest.addLast(violation);
            while (latest.size() > KEPT) {
                latest.removeFirst();
            }
        }
    }

    /** The latest reports, oldest first. */
    public List<Violation> latest() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }

    /** The reports about pages whose address contains {@code text}. */
    public List<Violation> about(String text) {
        return latest().stream().filter(v -> v.documentUri().contains(text)).toList();
    }

    private static String bounded(String value) {
        if (value == null) {
            return "";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 300 ? printable.substring(0, 300) : printable;
    }
}
