package io.freightgate.security;

import io.freightgate.security.internal.domain.Totp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A started TOTP enrolment, shown to the user once: the {@code otpauth://} URI (and its QR code as PNG), and ten
 * recovery codes. {@code toString} masks all of them.
 */
public record TotpEnrolment(String otpauthUri, String secret, Optional<byte[]> qrCodePng, List<String> recoveryCodes) {

    /**
     * The code an authenticator app enrolled with this secret shows at {@code instant}: what the user types to confirm
     * the enrolment (and what a system that enrols its own users, such as local mode's demo, computes instead).
     */
    public String codeAt(Instant instant) {
        return Totp.code(Totp.fromBase32(secret), instant);
    }

    @Override
    public String toString() {
        return "TotpEnrolment[***]";
    }
}
