package io.freightgate.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords and client secrets are hashed: bcrypt over an HMAC-SHA-384 of the password, so every character of a
 * passphrase up to the policy's 128 counts (bcrypt alone reads at most 72 bytes, and {@code BCryptPasswordEncoder}
 * refuses longer input). The stored hash names its scheme ({@code {bcrypt-hmac-sha384}$2a$10$...}); hashes of the
 * earlier plain scheme ({@code {bcrypt}...}) still verify and are replaced at the next successful login
 * ({@link PasswordEncoder#upgradeEncoding}). docs/architecture.md says why.
 */
final class PasswordHashing {

    /** The scheme of new hashes. */
    static final String CURRENT = "bcrypt-hmac-sha384";

    private PasswordHashing() {}

    static PasswordEncoder encoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return new DelegatingPasswordEncoder(CURRENT, Map.of(CURRENT, new PrehashedBcrypt(bcrypt), "bcrypt", bcrypt));
    }

    /**
     * bcrypt over the base64 of HMAC-SHA-384(password in Unicode NFKC, UTF-8): 64 ASCII characters, no NUL byte, within
     * bcrypt's 72. The HMAC key is a fixed label, not a secret: it separates this pre-hash from a bare SHA-384, so a
     * leaked table of unsalted SHA-384 values cannot be fed to bcrypt in place of passwords ("password shucking").
     */
    static final class PrehashedBcrypt implements PasswordEncoder {

        private static final byte[] LABEL = "FreightGate password pre-hash v1".getBytes(StandardCharsets.UTF_8);

        private final BCryptPasswordEncoder bcrypt;

        PrehashedBcrypt(BCryptPasswordEncoder bcrypt) {
            this.bcrypt = bcrypt;
        }

        @Override
        public String encode(@Nullable CharSequence rawPassword) {
            return bcrypt.encode(prehash(Objects.requireNonNull(rawPassword, "a password to hash")));
        }

        @Override
        public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
            return rawPassword != null && bcrypt.matches(prehash(rawPassword), encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(@Nullable String encodedPassword) {
            return bcrypt.upgradeEncoding(encodedPassword);
        }

        static String prehash(CharSequence rawPassword) {
            String normalized = Normalizer.normalize(rawPassword, Normalizer.Form.NFKC);
            try {
                Mac mac = Mac.getInstance("HmacSHA384");
                mac.init(new SecretKeySpec(LABEL, "HmacSHA384"));
                return Base64.getEncoder().encodeToString(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA384 is part of every Java runtime", e);
            }
        }
    }
}
