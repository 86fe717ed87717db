package io.freightgate.fraud.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.UserType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTableTests {

    private final RateLimitTable table = RateLimitTable.of(
            Map.of(
                    "api.any.any", "600/PT1M",
                    "payment-attempt.anonymous.ip", "30/PT10M",
                    "payment-attempt.anonymous.pay-link", "10/PT1H",
                    "payment-attempt.shipper.any", "200/PT10M",
                    "payment-attempt.any.card", "5/PT1H",
                    "payment-request-creation.carrier.any", "300/PT1H",
                    "payment-request-creation.any.any", "60/PT1H"),
            Map.of(
                    "payment-request-creation", "POST /api/v1/payment-requests",
                    "evidence-upload",
                            "POST /api/v1/loads/*/documents, PUT /api/v1/payment-requests/*/rate-confirmation"));

    @Test
    void theExactUserTypeAndKeyWinOverEveryWildcard() {
        assertThat(table.limit("payment-attempt", UserType.ANONYMOUS, KeyKind.PAY_LINK))
                .hasValue(new RateLimit("payment-attempt:anonymous:pay-link", 10, Duration.ofHours(1)));
        assertThat(table.limit("payment-attempt", UserType.ANONYMOUS, KeyKind.IP))
                .hasValue(new RateLimit("payment-attempt:anonymous:ip", 30, Duration.ofMinutes(10)));
    }

    @Test
    void theUserTypeWithAnyKeyWinsOverAnyUserTypeWithTheKey() {
        assertThat(table.limit("payment-attempt", UserType.SHIPPER, KeyKind.CARD))
                .hasValue(new RateLimit("payment-attempt:shipper:any", 200, Duration.ofMinutes(10)));
        assertThat(table.limit("payment-attempt", UserType.ANONYMOUS, KeyKind.CARD))
                .as("no anonymous card row: any user type with the card key")
                .hasValue(new RateLimit("payment-attempt:any:card", 5, Duration.ofHours(1)));
    }

    @Test
    void anyUserTypeAndKeyIsTheLastResortAndAnActionWithoutRowsIsNotLimited() {
        assertThat(table.limit("payment-request-creation", UserType.CARRIER, KeyKind.API_CLIENT))
                .map(RateLimit::capacity)
                .hasValue(300L);
        assertThat(table.limit("payment-request-creation", UserType.PLATFORM, KeyKind.USER))
                .map(RateLimit::capacity)
                .hasValue(60L);
        assertThat(table.limit("api", UserType.ANONYMOUS, KeyKind.IP))
                .map(RateLimit::name)
                .hasValue("api:any:any");
        assertThat(table.limit("payment-attempt", UserType.PLATFORM, KeyKind.USER))
                .isEmpty();
        assertThat(table.limit("vat-check", UserType.CARRIER, KeyKind.USER)).isEmpty();
    }

    @Test
    void routesNameTheActionsOfARequestByMethodAndPath() {
        assertThat(table.actionsOf("POST", "/api/v1/payment-requests")).containsExactly("payment-request-creation");
        assertThat(table.actionsOf("GET", "/api/v1/payment-requests")).isEmpty();
        assertThat(table.actionsOf("POST", "/api/v1/payment-requests/abc/payments"))
                .isEmpty();
        assertThat(table.actionsOf("POST", "/api/v1/loads/7f0c/documents")).containsExactly("evidence-upload");
        assertThat(table.actionsOf("POST", "/api/v1/loads/7f0c/extra/documents"))
                .isEmpty();
        assertThat(table.actionsOf("PUT", "/api/v1/payment-requests/1/rate-confirmation"))
                .containsExactly("evidence-upload");
    }

    @Test
    void aRowThatCannotBeReadStopsTheStartWithThePropertyItNames() {
        assertThatThrownBy(() -> RateLimitTable.of(Map.of("api.robots.any", "1/PT1M"), Map.of()))
                .hasMessageContaining("freightgate.rate-limits.table.api.robots.any");
        assertThatThrownBy(() -> RateLimitTable.of(Map.of("api.any.phone", "1/PT1M"), Map.of()))
                .hasMessageContaining("the key is api-client");
        assertThatThrownBy(() -> RateLimitTable.of(Map.of("api.any.any", "600 a minute"), Map.of()))
                .hasMessageContaining("600/PT1M");
        assertThatThrownBy(() -> RateLimitTable.of(Map.of("api.any.any", "0/PT1M"), Map.of()))
                .hasMessageContaining("api.any.any");
        assertThatThrownBy(() -> RateLimitTable.of(Map.of("api", "1/PT1M"), Map.of()))
                .hasMessageContaining("<action>.<user-type>.<key>");
        assertThatThrownBy(() -> RateLimitTable.of(Map.of(), Map.of("vat-check", "/api/v1/kyc")))
                .hasMessageContaining("<METHOD> <path>");
    }

    @Test
    void blockingFallsBackToTheDefaultActionAndWithoutACountNeverBlocks() {
        BlockSettings settings = BlockSettings.of(Map.of(
                "default.limit-hits", "10/PT10M",
                "default.duration", "PT15M",
                "payment-attempt.limit-hits", "none",
                "payment-attempt.failures", "4/PT1H",
                "payment-attempt.duration", "PT24H"));

        assertThat(settings.limitHits("api")).map(RateLimit::capacity).hasValue(10L);
        assertThat(settings.failures("api")).isEmpty();
        assertThat(settings.duration("api")).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.failures("payment-attempt"))
                .map(RateLimit::capacity)
                .hasValue(4L);
        assertThat(settings.duration("payment-attempt")).isEqualTo(Duration.ofHours(24));
        assertThat(settings.limitHits("payment-attempt"))
                .as("none: limit hits never block the action, whatever the default says")
                .isEmpty();
        assertThatThrownBy(() -> BlockSettings.of(Map.of("api.forever", "yes")))
                .hasMessageContaining("limit-hits, failures and duration");
    }
}
