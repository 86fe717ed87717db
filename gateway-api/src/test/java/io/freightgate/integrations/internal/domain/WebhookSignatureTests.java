package io.freightgate.integrations.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    @Test
    void signsTimestampDotBodyWithHmacSha256InHex() {
        // Computed independently with Python: hmac.new(b"fgwhsec_test", b'1700000000.{"a":1}', sha256).hexdigest()
        String header = WebhookSignature.header(1_700_000_000L, "{\"a\":1}", List.of("fgwhsec_test"));

        assertThat(header)
                .isEqualTo("t=1700000000,v1=e31b72de50208410e6f208d029572ce05256da1aa8b7ab1f113e87b6c53b29cc");
    }

    @Test
    void matchesAKnownRfc4231Vector() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void sendsOneSignaturePerSecretCurrentFirst() {
        String header = WebhookSignature.header(42, "body", List.of("new", "old"));

        assertThat(header)
                .isEqualTo("t=42,v1=" + WebhookSignature.hmac("new", "42.body") + ",v1="
                        + WebhookSignature.hmac("old", "42.body"));
    }

    @Test
    void theTimestampIsPartOfWhatIsSigned() {
        assertThat(WebhookSignature.header(1, "body", List.of("s")))
                .isNotEqualTo(WebhookSignature.header(2, "body", List.of("s")).replace("t=2", "t=1"));
    }

    @Test
    void refusesToSignWithoutASecret() {
        assertThatThrownBy(() -> WebhookSignature.header(1, "body", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
