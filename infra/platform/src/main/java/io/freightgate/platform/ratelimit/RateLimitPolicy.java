package io.freightgate.platform.ratelimit;

import java.util.List;
import java.util.Optional;

/**
 * The policy table the {@link Throttle} asks: which limit holds for an action, a user type and a key kind, and which
 * actions an API request is besides {@code api}. The platform owns the mechanism; the fraud module owns this table and
 * implements it (docs/fraud.md, "Rate-limit policy table"), so the platform never names the fraud module.
 */
public interface RateLimitPolicy {

    /** The action every API request is. */
    String API = "api";

    /** The limit on {@code action} for this user type counted by this key kind; empty: not limited that way. */
    Optional<RateLimit> limit(String action, UserType userType, KeyKind key);

    /** The actions an API request is besides {@link #API} (a payment request's creation, a VAT check, ...). */
    List<String> actionsOf(String method, String path);

    /** A policy that limits nothing: for a module's tests that run the platform without the fraud module's table. */
    static RateLimitPolicy none() {
        return new RateLimitPolicy() {
            @Override
            public Optional<RateLimit> limit(String action, UserType userType, KeyKind key) {
                return Optional.empty();
            }

            @Override
            public List<String> actionsOf(String method, String path) {
                return List.of();
            }
        };
    }
}
