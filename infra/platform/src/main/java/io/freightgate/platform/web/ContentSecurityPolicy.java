package io.freightgate.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * FreightGate's one Content-Security-Policy, sent by every chain that serves pages: scripts, styles, fonts and
 * connections from the application's own origin only, no {@code 'unsafe-inline'} and no {@code eval} (htmx runs with
 * {@code allowEval=false}), no plugins, no framing by anyone ({@code frame-ancestors 'none'}), forms posted to the
 * application only, no {@code <base>}, and violations reported to {@link CspReportEndpoint#PATH}. A page that needs a
 * third party (the payment page in Stripe.js mode: Stripe's script, frames and API; the bank's 3-D Secure page as a
 * form target) adds exactly those origins through the {@code with*} methods; nothing can add an inline source.
 *
 * <p>{@code report-uri} rather than {@code report-to}: browsers deliver {@code report-uri} reports at once, while the
 * Reporting API batches them for up to a minute, and Chromium ignores {@code report-uri} once {@code report-to} is
 * present.
 */
public final class ContentSecurityPolicy {

    private final List<String> scriptSources;
    private final List<String> frameSources;
    private final List<String> connectSources;
    private final List<String> formActions;

    private ContentSecurityPolicy(
            List<String> scriptSources,
            List<String> frameSources,
            List<String> connectSources,
            List<String> formActions) {
        this.scriptSources = List.copyOf(scriptSources);
        this.frameSources = List.copyOf(frameSources);
        this.connectSources = List.copyOf(connectSources);
        this.formActions = List.copyOf(formActions);
    }

    /** The policy of every page: the application's own origin and nothing else. */
    public static ContentSecurityPolicy strict() {
        return new ContentSecurityPolicy(List.of(), List.of(), List.of(), List.of());
    }

    /** The header value of {@link #strict()}. */
    public static String strictHeader() {
        return strict().header();
    }

    public ContentSecurityPolicy withScriptSources(String... origins) {
        return new ContentSecurityPolicy(plus(scriptSources, origins), frameSources, connectSources, formActions);
    }

    public ContentSecurityPolicy withFrameSources(String... origins) {
        return new ContentSecurityPolicy(scriptSources, plus(frameSources, origins), connectSources, formActions);
    }

    public ContentSecurityPolicy withConnectSources(String... origins) {
        return new ContentSecurityPolicy(scriptSources, frameSources, plus(connectSources, origins), formActions);
    }

    /** Origins a form on the page may post to, or be redirected to after posting (a bank's 3-D Secure page). */
    public ContentSecurityPolicy withFormActions(String... origins) {
        return new ContentSecurityPolicy(scriptSources, frameSources, connectSources, plus(formActions, origins));
    }

    /** The {@code Content-Security-Policy} header's value. */
    public String header() {
        return "default-src 'self'; script-src " + sources("'self'", scriptSources)
                + "; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src "
                + sources("'self'", connectSources) + "; object-src 'none'"
                + (frameSources.isEmpty() ? "" : "; frame-src " + String.join(" ", frameSources))
                + "; frame-ancestors 'none'; form-action " + sources("'self'", formActions)
                + "; base-uri 'none'; report-uri " + CspReportEndpoint.PATH;
    }

    @Override
    public String toString() {
        return header();
    }

    private static String sources(String self, List<String> more) {
        return more.isEmpty() ? self : self + " " + String.join(" ", more);
    }

    private static List<String> plus(List<String> sources, String... origins) {
        var all = new ArrayList<>(sources);
        for (String origin : origins) {
            if (origin.isBlank() || origin.contains("'") || origin.contains(";") || origin.contains(",")) {
                throw new IllegalArgumentException("Not an origin: " + origin);
            }
            if (!all.contains(origin)) {
                all.add(origin);
            }
        }
        return all;
    }
}
