package io.freightgate.security.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy(Set.of("password1234", "qwertyuiop123"));

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.rejection("correct horse battery", "ana@carrier.test"))
                .isEmpty();
    }

    @Test
    void rejectsFewerThanTwelveCharacters() {
        assertThat(policy.rejection("short-pass1", "ana@carrier.test"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at least 12"));
    }

    @Test
    void rejectsMoreThan128Characters() {
        assertThat(policy.rejection("x".repeat(129), "ana@carrier.test")).isPresent();
        assertThat(policy.rejection("xy".repeat(64), "ana@carrier.test")).isEmpty();
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        assertThat(policy.rejection("Password1234", "ana@carrier.test")).hasValue("The password is too common.");
    }

    @Test
    void rejectsPasswordsContainingTheEmailsLocalPart() {
        assertThat(policy.rejection("my-AnaLopez-2026!", "analopez@carrier.test"))
                .hasValue("The password must not contain your email address.");
    }
}
