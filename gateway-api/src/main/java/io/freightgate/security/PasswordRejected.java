package io.freightgate.security;

/**
 * A new password (accepting an invitation, completing a password reset) breaks the password policy; the message says
 * why, never the password. The REST edge answers {@code /problems/password-rejected} (422).
 */
public final class PasswordRejected extends IllegalArgumentException {

    PasswordRejected(String reason) {
        super(reason);
    }
}
