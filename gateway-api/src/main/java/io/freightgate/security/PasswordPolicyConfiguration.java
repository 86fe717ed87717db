package io.freightgate.security;

import io.freightgate.security.internal.domain.PasswordPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The password policy with the bundled list of common passwords ({@code security/common-passwords.txt}). */
@Configuration(proxyBeanMethods = false)
class PasswordPolicyConfiguration {

    static final String COMMON_PASSWORDS = "/security/common-passwords.txt";

    @Bean
    PasswordPolicy passwordPolicy() throws IOException {
        return new PasswordPolicy(commonPasswords());
    }

    static Set<String> commonPasswords() throws IOException {
        try (InputStream in = PasswordPolicyConfiguration.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
