package io.freightgate.support;

import java.util.regex.Pattern;

/**
 * What a browser keeps from a page to post its form: the CSRF token in the form and the cookie that holds it.
 *
 * @param csrf the form's {@code _csrf} field
 * @param cookie the {@code Cookie} header to send back
 */
public record PageForm(String csrf, String cookie) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The form of {@code page} (a GET of the page through {@link Api}). */
    public static PageForm of(Api.Response page) {
        var matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on the page: " + page.status() + " " + page.body());
        }
        String cookie = page.raw().headers().allValues("Set-Cookie").stream()
                .map(header -> header.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow(() -> new AssertionError("The page set no cookie"));
        return new PageForm(matcher.group(1), cookie);
    }

    /** {@code fields} url-encoded with the form's CSRF token. */
    public String urlEncoded(String fields) {
        return fields + "&_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8);
    }
}
