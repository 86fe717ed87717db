package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** How kernel types appear on the wire: a {@link TenantId} is its UUID string. */
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
        return module;
    }
}
