package io.freightgate.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document served at {@code /v3/api-docs} (to authenticated callers) and rendered at {@code /swagger-ui.html};
 * committed as {@code docs/api/openapi.json}, which {@code OpenApiDocumentIT} keeps equal to what is served.
 *
 * <p>springdoc introspects the types with Jackson 2 (swagger-core) while the API writes them with the application's
 * Jackson 3 mapper ({@code spring.jackson.property-naming-strategy: SNAKE_CASE}, {@link JsonConfiguration}):
 * {@link WireModelResolver} makes swagger-core see the same names and shapes; {@link DocumentedProblems} documents the
 * errors.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI freightGateApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("FreightGate API")
                        .version("v1")
                        .description("Payments and disputes for logistics. Every mutating request needs an"
                                + " Idempotency-Key header; every error is an RFC 9457 problem"
                                + " (application/problem+json) whose type is documented at /problems/{slug}."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }

    @Bean
    WireModelResolver wireModelResolver(ObjectMapperProvider objectMapperProvider) {
        return new WireModelResolver(objectMapperProvider.jsonMapper());
    }

    @Bean
    OpenApiCustomizer documentedProblems() {
        return new DocumentedProblems();
    }

    @Bean
    OperationCustomizer operationIds() {
        return DocumentedProblems::operationId;
    }
}
