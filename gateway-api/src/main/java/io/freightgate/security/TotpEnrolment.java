package io.freightgate.security;

import java.util.List;
import java.util.Optional;

/**
 * A started TOTP enrolment, shown to the user once: the {@code otpauth://} URI (and its QR code as PNG), and ten
 * recovery codes. {@code toString} masks all of them.
 */
public record TotpEnrolment(String otpauthUri, String secret, Optional<byte[]> qrCodePng, List<String> recoveryCodes) {

    @Override
    public String toString() {
        return "TotpEnrolment[***]";
    }
}
