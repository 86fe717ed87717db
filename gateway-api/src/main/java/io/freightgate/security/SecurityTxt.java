package io.freightgate.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /.well-known/security.txt} (RFC 9116), public: where to report a vulnerability. {@code Contact} from
 * {@code freightgate.security.disclosure.contact} (one or more {@code mailto:}/{@code https:} URIs, comma-separated),
 * {@code Preferred-Languages} from {@code ...disclosure.languages}, {@code Canonical} from the issuer, and
 * {@code Expires} {@code ...disclosure.validity} (default 180 days, the RFC wants less than a year) from today, so the
 * file never goes stale while the gateway runs.
 */
@RestController
class SecurityTxt {

    static final MediaType TEXT_PLAIN_UTF8 = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final List<String> contacts;
    private final String languages;
    private final String canonical;
    private final Duration validity;
    private final Clock clock;

    SecurityTxt(
            @Value("${freightgate.security.disclosure.contact:mailto:security@freightgate.invalid}")
                    List<String> contacts,
            @Value("${freightgate.security.disclosure.languages:en, de}") String languages,
            @Value("${freightgate.security.disclosure.validity:P180D}") Duration validity,
            @Value("${freightgate.security.issuer:http://localhost:8080}") String issuer,
            Clock clock) {
        this.contacts =
                contacts.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (this.contacts.isEmpty()) {
            throw new IllegalArgumentException("freightgate.security.disclosure.contact needs at least one URI");
        }
        for (String contact : this.contacts) {
            if (!(contact.startsWith("mailto:") || contact.startsWith("https://") || contact.startsWith("tel:"))
                    || contact.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new IllegalArgumentException(
                        "freightgate.security.disclosure.contact must be mailto:, https: or tel: URIs");
            }
        }
        if (validity.isNegative() || validity.compareTo(Duration.ofDays(365)) >= 0) {
            throw new IllegalArgumentException("freightgate.security.disclosure.validity must be under a year");
        }
        this.languages = languages.strip();
        this.canonical = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/security.txt";
        this.validity = validity;
        this.clock = clock;
    }

    @GetMapping("/.well-known/security.txt")
    ResponseEntity<String> securityTxt() {
        Instant expires = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(validity);
        StringBuilder text = new StringBuilder();
        contacts.forEach(contact -> text.append("Contact: ").append(contact).append('\n'));
        text.append("Expires: ").append(expires).append('\n');
        text.append("Preferred-Languages: ").append(languages).append('\n');
        text.append("Canonical: ").append(canonical).append('\n');
        return ResponseEntity.ok()
                .contentType(TEXT_PLAIN_UTF8)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(text.toString());
    }
}
