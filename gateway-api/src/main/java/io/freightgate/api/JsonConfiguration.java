package io.freightgate.api;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRefundId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How kernel types appear on the wire: a {@link TenantId} is its UUID string; {@link Money} is
 * {@code {"minor": 125000, "currency": "EUR", "formatted": "1250.00 EUR"}} (minor units with the currency's exponent).
 * A typed id ({@link PaymentRequestId}...) is its UUID string both ways, as the plain {@code UUID} it replaced was:
 * in responses and in the event publication registry, whose rows written before the ids were typed read back too.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    SimpleModule kernelTypes() {
        var module = new SimpleModule("freightgate-kernel");
        module.addSerializer(TenantId.class, new ValueSerializer<>() {
            @Override
            public void serialize(TenantId value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.toString());
            }
        });
        typedId(module, PaymentRequestId.class, PaymentRequestId::new);
        typedId(module, PaymentAttemptId.class, PaymentAttemptId::new);
        typedId(module, PaymentRefundId.class, PaymentRefundId::new);
        typedId(module, LoadId.class, LoadId::new);
        module.addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator generator, SerializationContext context) {
                generator.writeStartObject();
                generator.writeNumberProperty("minor", value.minor());
                generator.writeStringProperty("currency", value.currency().getCurrencyCode());
                generator.writeStringProperty("formatted", value.toString());
                generator.writeEndObject();
            }
        });
        return module;
    }

    /** A typed id, written and read as the UUID string it wraps. */
    private static <T> void typedId(SimpleModule module, Class<T> type, Function<UUID, T> wrap) {
        module.addSerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.toString());
            }
        });
        module.addDeserializer(type, new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                return wrap.apply(UUID.fromString(parser.getValueAsString()));
            }
        });
    }
}
