package io.freightgate.platform.ratelimit;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Which user type and key an authenticated caller is limited as. The security module implements it from its tokens
 * (roles and subject); the platform only needs the answer. Callers it cannot classify are limited by address as
 * {@link UserType#ANONYMOUS}.
 */
public interface CallerKinds {

    Optional<Caller> classify(Authentication authentication);

    /** The caller's user type and the key its buckets are counted by (its API client or its user). */
    record Caller(UserType userType, LimitKey key) {}
}
