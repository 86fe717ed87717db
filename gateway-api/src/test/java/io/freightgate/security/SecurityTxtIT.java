package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /.well-known/security.txt} as RFC 9116 wants it, without any authentication. */
class SecurityTxtIT extends GatewayIT {

    @Autowired
    Clock clock;

    @Test
    void securityTxtNamesTheContactAndExpiresWithinAYear() {
        var response = api.get("/.well-known/security.txt").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/plain;charset=UTF-8");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).contains("Contact: mailto:security@freightgate.invalid", "Preferred-Languages: en, de");
        assertThat(lines)
                .anyMatch(line -> line.matches("Canonical: http://localhost:\\d+/\\.well-known/security\\.txt"));
        Instant expires = Instant.parse(lines.stream()
                .filter(line -> line.startsWith("Expires: "))
                .findFirst()
                .orElseThrow()
                .substring("Expires: ".length()));
        assertThat(expires).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofDays(365)));
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
    }
}
