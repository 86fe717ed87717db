package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only a public IP address names a payer to screening; user agents are cut, blanks are unknown. */
class PayerContextTests {

    @Test
    void onlyAPublicAddressIsThePayersOwn() {
        assertThat(ip("203.0.113.7")).contains("203.0.113.7");
        assertThat(ip("2001:db8::1")).contains("2001:db8::1");
        assertThat(ip("127.0.0.1")).as("the machine's own").isEmpty();
        assertThat(ip("::1")).isEmpty();
        assertThat(ip("10.1.2.3")).as("a proxy's").isEmpty();
        assertThat(ip("192.168.0.10")).isEmpty();
        assertThat(ip("172.16.5.4")).isEmpty();
        assertThat(ip("fd12:3456::1")).as("unique local").isEmpty();
        assertThat(ip("fe80::1")).isEmpty();
        assertThat(ip("0.0.0.0")).isEmpty();
        assertThat(ip("example.com")).as("never a host name (no lookup)").isEmpty();
        assertThat(ip(" ")).isEmpty();
    }

    @Test
    void aLongUserAgentIsCutAndBlankPartsAreUnknown() {
        var context = new PayerContext(Optional.empty(), Optional.of("x".repeat(900)), Optional.of(" "));

        assertThat(context.userAgent())
                .hasValueSatisfying(agent -> assertThat(agent).hasSize(500));
        assertThat(context.payLink()).isEmpty();
    }

    private static Optional<String> ip(String address) {
        return new PayerContext(Optional.of(address), Optional.empty(), Optional.empty()).ipAddress();
    }
}
