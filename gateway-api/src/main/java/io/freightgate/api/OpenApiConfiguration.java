package io.freightgate.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API document served at {@code /v3/api-docs} and rendered at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI freightGateApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("FreightGate API")
                        .version("v1")
                        .description("Payments and disputes for logistics. Every mutating request needs an"
                                + " Idempotency-Key header; every error is an RFC 9457 problem whose type is"
                                + " documented at /problems/{slug}."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }
}
