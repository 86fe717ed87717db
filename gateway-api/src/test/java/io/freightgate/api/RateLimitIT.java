package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.support.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"freightgate.rate-limit.api.capacity=3", "freightgate.rate-limit.api.period=PT1H"})
class RateLimitIT extends GatewayIT {

    @Test
    void aCallerOverItsRateGets429WithRetryAfterWhileOthersGoOn() {
        String caller = callers.platformAdmin();
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/organizations").token(caller).send().status())
                    .isEqualTo(200);
        }

        var limited = api.get("/api/v1/organizations").token(caller).send();

        ProblemDetailsIT.assertProblem(limited, 429, "rate-limited", "Too many requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(api.get("/api/v1/organizations")
                        .token(callers.platformAdmin())
                        .send()
                        .status())
                .isEqualTo(200);
    }
}
