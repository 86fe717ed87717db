package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords up to the policy's 128 characters, whatever their bytes, against bcrypt's 72-byte input (issue 16). */
class PasswordHashingTests {

    final PasswordEncoder encoder = new AuthorizationServerConfiguration().passwordEncoder();

    @Test
    void twoLongPassphrasesThatShareTheFirst72BytesAreDifferentPasswords() {
        String common = "correct horse battery staple ".repeat(3).substring(0, 72);
        String first = common + "a".repeat(28);
        String second = common + "b".repeat(28);

        String hash = encoder.encode(first);

        assertThat(first).hasSize(100);
        assertThat(encoder.matches(first, hash)).isTrue();
        assertThat(encoder.matches(second, hash)).isFalse();
    }

    @Test
    void aPassphraseOf128MultiByteCharactersIsHashedAndVerified() {
        String passphrase = "Grüße aus Köln, Überführung nach Łódź über Žilina — Fahrt Nr. "
                .repeat(3)
                .substring(0, 128);
        String changedAtTheEnd = passphrase.substring(0, 127) + "!";

        String hash = encoder.encode(passphrase);

        assertThat(passphrase.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(encoder.matches(passphrase, hash)).isTrue();
        assertThat(encoder.matches(changedAtTheEnd, hash)).isFalse();
    }

    @Test
    void aHashStoredBeforeLongPassphrasesStillVerifies() {
        String password = "violet-harbour-freight-42";
        String stored = "{bcrypt}" + new BCryptPasswordEncoder().encode(password);

        assertThat(encoder.matches(password, stored)).isTrue();
        assertThat(encoder.matches(password + "x", stored)).isFalse();
    }

    @Test
    void newHashesNameTheirSchemeSoItCanChangeAgain() {
        String hash = encoder.encode("violet-harbour-freight-42");

        assertThat(hash).startsWith("{bcrypt-hmac-sha384}$2");
        assertThat(encoder.upgradeEncoding("{bcrypt}" + new BCryptPasswordEncoder().encode("x")))
                .isTrue();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
    }
}
