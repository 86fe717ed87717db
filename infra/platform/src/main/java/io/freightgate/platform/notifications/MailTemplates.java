package io.freightgate.platform.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.encoder.Encode;

/**
 * Makes the text and HTML bodies of a {@link Notification} from the templates {@code mail/templates/NAME.txt} and
 * {@code mail/templates/NAME.html} on the classpath. A {@code {{key}}} placeholder is replaced by the model's value:
 * in the HTML body encoded with {@link Encode#forHtml}, which escapes {@code & < > " '} and so is safe in element
 * content and in quoted attribute values; in the text body as it is. Values of keys ending in {@code _url} must be
 * absolute {@code https}/{@code http} URLs, so that no {@code javascript:} link can be made. Every placeholder needs a
 * value and every value a placeholder: a typo fails when the mail is enqueued, not when a person reads it.
 */
public final class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9_]{0,63})}}");
    private static final Set<String> LINK_SCHEMES = Set.of("https", "http");

    private final ClassLoader classLoader;
    private final String location;
    private final Map<String, String> sources = new ConcurrentHashMap<>();

    /** Templates under {@code location} (for example {@code mail/templates/}) of {@code classLoader}. */
    public MailTemplates(ClassLoader classLoader, String location) {
        this.classLoader = classLoader;
        this.location = location.endsWith("/") ? location : location + "/";
    }

    /** The rendered mail; fails with {@link IllegalArgumentException} on a template or model that do not match. */
    public OutgoingMail render(Notification notification) {
        String text = source(notification.template() + ".txt");
        String html = source(notification.template() + ".html");
        Map<String, String> model = notification.model();
        Set<String> placeholders = new TreeSet<>();
        placeholders.addAll(placeholders(text));
        placeholders.addAll(placeholders(html));
        Set<String> missing = new TreeSet<>(placeholders);
        missing.removeAll(model.keySet());
        Set<String> unused = new TreeSet<>(model.keySet());
        unused.removeAll(placeholders);
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException("Mail template " + notification.template() + " needs values for "
                    + missing + " and has no place for " + unused);
        }
        model.forEach(MailTemplates::checkLink);
        return new OutgoingMail(
                notification.recipient(),
                notification.subject(),
                fill(text, model, UnaryOperator.identity()),
                fill(html, model, Encode::forHtml));
    }

    private String source(String file) {
        return sources.computeIfAbsent(file, name -> {
            try (InputStream in = classLoader.getResourceAsStream(location + name)) {
                if (in == null) {
                    throw new IllegalArgumentException("No mail template " + location + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read mail template " + location + name, e);
            }
        });
    }

    private static Set<String> placeholders(String template) {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static String fill(String template, Map<String, String> model, UnaryOperator<String> encode) {
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(match -> Matcher.quoteReplacement(encode.apply(model.get(match.group(1)))));
    }

    private static void checkLink(String key, String value) {
        if (!key.endsWith("_url")) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()
                    || !LINK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("The mail link " + key + " is not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The mail link " + key + " is not a URL", e);
        }
    }
}
