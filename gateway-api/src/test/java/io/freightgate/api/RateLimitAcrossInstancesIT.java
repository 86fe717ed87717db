package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.FreightGateApplication;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Two gateway instances share one Redis, so one caller's budget is one budget however the load balancer spreads its
 * requests: a second instance is started in this JVM (the same embedded Redis, a database of its own) with the limit
 * of {@code RateLimitIT}, whose Spring context this one shares.
 */
@TestPropertySource(properties = {"freightgate.rate-limit.api.capacity=3", "freightgate.rate-limit.api.period=PT1H"})
class RateLimitAcrossInstancesIT extends GatewayIT {

    @Test
    void aCallersRequestsToTwoInstancesTakeFromOneBucketAndBothAnswer429() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(FreightGateApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--freightgate.rate-limit.api.capacity=3",
                        "--freightgate.rate-limit.api.period=PT1H")) {
            Api other = new Api(
                    ((WebServerApplicationContext) second).getWebServer().getPort());
            String address = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 250);

            var first = reset(api, address);
            var secondRequest = reset(other, address);
            var third = reset(api, address);
            var overOnTheOther = reset(other, address);
            var overHere = reset(api, address);

            assertThat(first.status()).as(first.body()).isEqualTo(202);
            assertThat(first.header("RateLimit-Policy")).isEqualTo("\"api-per-ip\";q=3;w=3600");
            assertThat(first.header("RateLimit")).startsWith("\"api-per-ip\";r=2;t=");
            assertThat(secondRequest.status()).isEqualTo(202);
            assertThat(secondRequest.header("RateLimit"))
                    .as("the other instance counts on")
                    .startsWith("\"api-per-ip\";r=1;");
            assertThat(third.status()).isEqualTo(202);
            assertThat(third.header("RateLimit")).startsWith("\"api-per-ip\";r=0;");
            ProblemDetailsIT.assertProblem(overOnTheOther, 429, "rate-limited", "Too many requests");
            assertThat(Long.parseLong(overOnTheOther.header("Retry-After"))).isPositive();
            assertThat(overOnTheOther.header("RateLimit")).startsWith("\"api-per-ip\";r=0;t=");
            ProblemDetailsIT.assertProblem(overHere, 429, "rate-limited", "Too many requests");
            assertThat(reset(other, "192.0.2.250").status())
                    .as("another address has its own budget")
                    .isEqualTo(202);
        }
    }

    private static Api.Response reset(Api instance, String address) {
        return instance.post("/api/v1/password-resets", "{\"email\":\"nobody-" + UUID.randomUUID() + "@limit.test\"}")
                .header("X-Forwarded-For", address)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }
}
