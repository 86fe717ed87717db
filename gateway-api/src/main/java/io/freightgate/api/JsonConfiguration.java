package io.freightgate.api;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How kernel types appear on the wire: a {@link TenantId} is its UUID string; {@link Money} is
 * {@code {"minor": 125000, "currency": "EUR", "formatted": "1250.00 EUR"}} (minor units with the currency's exponent).
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
}
