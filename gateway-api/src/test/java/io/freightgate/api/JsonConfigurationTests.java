package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.billing.PaidRequestCommitted;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed ids are their UUID string on the wire, both ways: responses keep their shape, and an event publication stored
 * while the field was a plain {@code UUID} still reads back into the typed field.
 */
class JsonConfigurationTests {

    static final String UUID = "5a1e0000-0000-4000-8000-000000000001";

    final JsonMapper mapper = JsonMapper.builder()
            .addModule(new JsonConfiguration().kernelTypes())
            .build();

    @Test
    void aTypedIdIsWrittenAsItsUuidString() {
        assertThat(mapper.writeValueAsString(PaymentRequestId.of(UUID))).isEqualTo("\"" + UUID + "\"");
        assertThat(mapper.writeValueAsString(PaymentAttemptId.of(UUID))).isEqualTo("\"" + UUID + "\"");
        assertThat(mapper.writeValueAsString(PaymentRefundId.of(UUID))).isEqualTo("\"" + UUID + "\"");
        assertThat(mapper.writeValueAsString(new PaidRequestCommitted(PaymentRequestId.of(UUID))))
                .isEqualTo("{\"paymentRequestId\":\"" + UUID + "\"}");
    }

    @Test
    void anEventStoredWithAPlainUuidReadsBackIntoTheTypedId() {
        assertThat(mapper.readValue("{\"paymentRequestId\":\"" + UUID + "\"}", PaidRequestCommitted.class))
                .isEqualTo(new PaidRequestCommitted(PaymentRequestId.of(UUID)));
        assertThat(mapper.readValue("\"" + UUID + "\"", PaymentRefundId.class)).isEqualTo(PaymentRefundId.of(UUID));
    }
}
