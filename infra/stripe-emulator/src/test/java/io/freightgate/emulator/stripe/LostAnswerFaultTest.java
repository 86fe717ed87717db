package io.freightgate.emulator.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The process-then-time-out fault and the request log: Stripe acted, the client timed out, the log shows one POST. */
class LostAnswerFaultTest {

    @Test
    void aProcessedRequestWhoseAnswerIsHeldTimesTheClientOutAndIsLoggedOnce() throws Exception {
        try (StripeEmulator emulator = StripeEmulator.start(StripeEmulatorConfig.forTests())) {
            StripeClient client = StripeClient.builder()
                    .setApiKey("sk_test_lost")
                    .setApiBase(emulator.baseUrl())
                    .setReadTimeout(500)
                    .setMaxNetworkRetries(0)
                    .build();
            emulator.control()
                    .injectFault(FaultRule.processThenTimeOut("POST", "/v1/customers", Duration.ofSeconds(3))
                            .times(1));

            assertThatThrownBy(() -> client.v1()
                            .customers()
                            .create(
                                    CustomerCreateParams.builder()
                                            .setEmail("lost@example.test")
                                            .build(),
                                    RequestOptions.builder()
                                            .setIdempotencyKey("lost-1")
                                            .build()))
                    .isInstanceOf(ApiConnectionException.class);

            assertThat(client.v1()
                            .customers()
                            .list(CustomerListParams.builder()
                                    .setEmail("lost@example.test")
                                    .build())
                            .getData())
                    .as("the emulator made the customer although the answer was lost")
                    .hasSize(1);
            assertThat(emulator.control().requests())
                    .filteredOn(r -> r.is("POST", "/v1/customers"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo("lost-1"));
            assertThat(emulator.control().requests().getLast().method()).isEqualTo("GET");
        }
    }
}
