package io.freightgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feedback watches the IP address of a disputed payment only when it names one network on the internet. */
class FeedbackAddressTests {

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "8.8.8.8", "2001:db8:d15::1", "2a00:1450:4001:80b::200e"})
    void aPublicAddressIsWatched(String address) {
        assertThat(FraudFeedback.identifiesAPayer(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "::1",
                "10.1.2.3",
                "172.16.0.9",
                "192.168.1.20",
                "169.254.10.1",
                "0.0.0.0",
                "fd12:3456:789a::1",
                "fe80::1",
                "localhost",
                "example.com",
                "not-an-address",
                "999.1.1.1"
            })
    void aLoopbackPrivateLinkLocalOrNonLiteralAddressIsNot(String address) {
        assertThat(FraudFeedback.identifiesAPayer(address)).isFalse();
    }
}
