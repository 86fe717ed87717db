package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What a login step ends in. Refusals say nothing about which part was wrong. */
public sealed interface LoginOutcome {

    /** Fully logged in. */
    record Authenticated(UUID userId, TenantId organization, List<Role> roles) implements LoginOutcome {}

    /** The password was right; the TOTP code (or a recovery code) comes next. */
    record SecondFactorRequired(UUID userId) implements LoginOutcome {}

    /** The password was right, but this platform user must enrol TOTP before going anywhere. */
    record EnrolmentRequired(UUID userId) implements LoginOutcome {}

    /** Wrong email, password or code, or a locked or disabled account: the user is not told which. */
    record Refused() implements LoginOutcome {}

    /** Too many failures from this address. */
    record Throttled(Duration retryAfter) implements LoginOutcome {}
}
