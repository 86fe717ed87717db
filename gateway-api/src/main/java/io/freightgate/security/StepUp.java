package io.freightgate.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * A recent second factor for the actions that decide where money and data go: opening a payout account, creating an
 * API client, creating a webhook endpoint. A person (a token of the login flow, which always carries {@code amr})
 * must have proved a TOTP or recovery code within {@link #RECENT}: {@code amr} contains {@code otp} and
 * {@code auth_time} is at most 15 minutes old; otherwise {@link SecondFactorRequired} names {@link #STEP_UP_PATH},
 * where the person proves it again (or enrols first) and then gets fresh tokens. API clients (client credentials)
 * have no person behind them and no second factor to give: their tokens carry no {@code amr} and pass.
 *
 * <p>The login records its factors in the session's authentication as {@link FactorGrantedAuthority factor
 * authorities} with their time ({@link #factors}); the authorization server turns them into the {@code amr} and
 * {@code auth_time} claims of every access token of that login, refreshed ones included ({@link #claimsOf}).
 */
@Component
public class StepUp {

    /** How long a second factor counts as recent. */
    public static final Duration RECENT = Duration.ofMinutes(15);

    /** Where a person proves the second factor again. */
    public static final String STEP_UP_PATH = "/login/step-up";

    static final String AMR_CLAIM = "amr";
    static final String AUTH_TIME_CLAIM = "auth_time";
    static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    static final String OTP = "otp";
    static final String PASSWORD = "pwd";

    private final Clock clock;

    StepUp(Clock clock) {
        this.clock = clock;
    }

    /**
     * Passes for API clients and for people who proved a second factor in the last 15 minutes.
     *
     * @throws SecondFactorRequired otherwise
     */
    public void require(Authentication caller) {
        if (!(caller instanceof JwtAuthenticationToken token)) {
            return;
        }
        List<String> amr = token.getToken().getClaimAsStringList(AMR_CLAIM);
        if (amr == null) {
            return;
        }
        Object authTime = token.getToken().getClaims().get(AUTH_TIME_CLAIM);
        Optional<Instant> at = authTime instanceof Number seconds
                ? Optional.of(Instant.ofEpochSecond(seconds.longValue()))
                : authTime instanceof Instant instant
                        ? Optional.of(instant)
                        : authTime instanceof Date date ? Optional.of(date.toInstant()) : Optional.empty();
        boolean recent =
                at.map(time -> !time.plus(RECENT).isBefore(clock.instant())).orElse(false);
        if (!amr.contains(OTP) || !recent) {
            throw new SecondFactorRequired();
        }
    }

    /** The factor authorities of a login step: the password's, and the second factor's when one was given now. */
    static List<GrantedAuthority> factors(Instant passwordAt, Optional<Instant> secondFactorAt) {
        var factors = new ArrayList<GrantedAuthority>();
        factors.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(passwordAt)
                .build());
        secondFactorAt.ifPresent(at -> factors.add(FactorGrantedAuthority.withAuthority(TOTP_AUTHORITY)
                .issuedAt(at)
                .build()));
        return factors;
    }

    /** The password's time among {@code authorities}, if the login recorded it. */
    static Optional<Instant> passwordTime(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(FactorGrantedAuthority.class::cast)
                .filter(factor -> factor.getAuthority().equals(FactorGrantedAuthority.PASSWORD_AUTHORITY))
                .map(FactorGrantedAuthority::getIssuedAt)
                .findFirst();
    }

    /**
     * The {@code amr} (RFC 8176: {@code pwd}, and {@code otp} after a TOTP or recovery code) and {@code auth_time}
     * (epoch seconds of the latest factor) of a login.
     */
    static Claims claimsOf(Collection<? extends GrantedAuthority> authorities) {
        var amr = new ArrayList<String>();
        Instant latest = null;
        for (GrantedAuthority authority : authorities) {
            if (!(authority instanceof FactorGrantedAuthority factor)) {
                continue;
            }
            String method =
                    switch (factor.getAuthority()) {
                        case FactorGrantedAuthority.PASSWORD_AUTHORITY -> PASSWORD;
                        case TOTP_AUTHORITY -> OTP;
                        default -> null;
                    };
            if (method == null) {
                continue;
            }
            amr.add(method);
            if (latest == null || factor.getIssuedAt().isAfter(latest)) {
                latest = factor.getIssuedAt();
            }
        }
        return new Claims(
                amr, Optional.ofNullable(latest).map(time -> Date.from(time.truncatedTo(ChronoUnit.SECONDS))));
    }

    /**
     * The claims of a login's factors: a mutable list and a {@link Date} (seconds in the token), types both the token's
     * JSON and the authorization's JSON storage accept (as they do for OpenID Connect's own {@code auth_time}).
     */
    record Claims(ArrayList<String> amr, Optional<Date> authTime) {}
}
