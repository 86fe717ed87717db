package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The step-up rule on access tokens, and the claims a login's factors become. */
class StepUpTests {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    final StepUp stepUp = new StepUp(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPersonWithASecondFactorFromTheLastFifteenMinutesPasses() {
        assertThatCode(() -> stepUp.require(person(List.of("pwd", "otp"), NOW.minus(Duration.ofMinutes(15)))))
                .doesNotThrowAnyException();
    }

    @Test
    void aSecondFactorOlderThanFifteenMinutesIsRefused() {
        assertThatThrownBy(() -> stepUp.require(person(List.of("pwd", "otp"), NOW.minus(Duration.ofSeconds(901)))))
                .isInstanceOf(SecondFactorRequired.class)
                .hasMessageContaining("/login/step-up");
    }

    @Test
    void aPasswordAloneIsRefusedHoweverRecent() {
        assertThatThrownBy(() -> stepUp.require(person(List.of("pwd"), NOW))).isInstanceOf(SecondFactorRequired.class);
    }

    @Test
    void aPersonWithoutAuthTimeIsRefused() {
        var token = jwt(Map.of("amr", List.of("pwd", "otp")));
        assertThatThrownBy(() -> stepUp.require(token)).isInstanceOf(SecondFactorRequired.class);
    }

    @Test
    void anApiClientsTokenHasNoAmrAndPasses() {
        assertThatCode(() -> stepUp.require(jwt(Map.of("org", "x")))).doesNotThrowAnyException();
    }

    @Test
    void aLoginsFactorsBecomeAmrAndTheTimeOfTheLatest() {
        var passwordAt = NOW.minus(Duration.ofHours(2));
        var claims = StepUp.claimsOf(StepUp.factors(passwordAt, Optional.of(NOW.plusMillis(400))));

        assertThat(claims.amr()).containsExactly("pwd", "otp");
        assertThat(claims.authTime())
                .hasValueSatisfying(time -> assertThat(time.toInstant()).isEqualTo(NOW));
        assertThat(StepUp.claimsOf(StepUp.factors(passwordAt, Optional.empty())).amr())
                .containsExactly("pwd");
    }

    private static JwtAuthenticationToken person(List<String> amr, Instant authTime) {
        return jwt(Map.of("amr", amr, "auth_time", authTime.getEpochSecond()));
    }

    private static JwtAuthenticationToken jwt(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("s");
        claims.forEach(builder::claim);
        return new JwtAuthenticationToken(builder.build());
    }
}
