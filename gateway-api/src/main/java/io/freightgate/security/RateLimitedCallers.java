package io.freightgate.security;

import io.freightgate.platform.ratelimit.CallerKinds;
import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.LimitKey;
import io.freightgate.platform.ratelimit.UserType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The user type and key an authenticated caller is rate limited as: the kind of organization its roles belong to, and
 * its user (a signed-in person, or a token whose subject is a user id) or its API client (a client-credentials token,
 * whose subject is the client id).
 */
@Component
class RateLimitedCallers implements CallerKinds {

    @Override
    public Optional<Caller> classify(Authentication authentication) {
        Optional<WebUser> person = WebUser.of(authentication);
        if (person.isPresent()) {
            return Optional.of(new Caller(
                    userType(authentication),
                    new LimitKey(KeyKind.USER, person.get().id().toString())));
        }
        String subject = authentication.getName();
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            return Optional.empty();
        }
        return Optional.of(new Caller(
                userType(authentication),
                new LimitKey(isUserId(subject) ? KeyKind.USER : KeyKind.API_CLIENT, subject)));
    }

    private static UserType userType(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    return switch (role.organizationType()) {
                        case CARRIER -> UserType.CARRIER;
                        case SHIPPER -> UserType.SHIPPER;
                        case PLATFORM -> UserType.PLATFORM;
                    };
                }
            }
        }
        return UserType.ANONYMOUS;
    }

    private static boolean isUserId(String subject) {
        try {
            UUID.fromString(subject);
            return true;
        } catch (IllegalArgumentException notAUser) {
            return false;
        }
    }
}
