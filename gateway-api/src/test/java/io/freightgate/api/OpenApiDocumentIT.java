package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API document served at {@code /v3/api-docs} is the committed {@code docs/api/openapi.json} (clients are
 * generated from it: infra/api-client-tests), and it describes the wire as it is: snake_case properties, one schema per
 * request and response type, errors as problem details.
 */
class OpenApiDocumentIT extends GatewayIT {

    static final Path COMMITTED = Path.of("..", "docs", "api", "openapi.json");

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        String served = canonical(document());

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(Files.exists(COMMITTED))
                .as("docs/api/openapi.json is missing; regenerate it with -Dopenapi.write=true"
                        + " (./mvnw -pl gateway-api -am verify -Dit.test=OpenApiDocumentIT -Dopenapi.write=true)")
                .isTrue();
        assertThat(served)
                .as("/v3/api-docs differs from docs/api/openapi.json; if the change is intended, regenerate it with"
                        + " -Dopenapi.write=true (./mvnw -pl gateway-api -am verify -Dit.test=OpenApiDocumentIT"
                        + " -Dopenapi.write=true) and commit the file")
                .isEqualTo(Files.readString(COMMITTED));
    }

    @Test
    void propertiesAreNamedAsTheApiWritesThem() {
        JsonNode document = document();
        String platformAdmin = callers.platformAdmin();
        String email = "ap-" + UUID.randomUUID() + "@shipper.test";

        String organizationBody = organizationJson("SHIPPER", "Shipper " + UUID.randomUUID(), email);
        assertThat(requestProperties(document, "/api/v1/organizations", "post"))
                .as("the body of POST /api/v1/organizations")
                .containsAll(keys(parse(organizationBody)));
        var shipperCreated = api.post("/api/v1/organizations", organizationBody)
                .token(platformAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(shipperCreated.status()).as(shipperCreated.body()).isEqualTo(201);
        assertThat(responseProperties(document, "/api/v1/organizations", "post", "201"))
                .containsAll(keys(shipperCreated.json()));

        TenantId shipper = TenantId.of(shipperCreated.json().get("id").asString());
        var carrierCreated = api.post(
                        "/api/v1/organizations",
                        organizationJson("CARRIER", "Carrier " + UUID.randomUUID(), "c-" + email))
                .token(platformAdmin)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        TenantId carrier = TenantId.of(carrierCreated.json().get("id").asString());
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);

        LocalDate today = LocalDate.now();
        String paymentRequestBody = """
                {"shipper_id":"%s","amount_minor":125000,"currency":"EUR","load_reference":"LD-DOC-1",
                 "origin":"Hamburg, DE","destination":"Lyon, FR","pickup_date":"%s","delivery_date":"%s",
                 "due_date":"%s","terms":"30 days","description":"Full truck load","capture_on_delivery":false}
                """.formatted(shipper, today, today.plusDays(2), today.plusDays(30));
        assertThat(requestProperties(document, "/api/v1/payment-requests", "post"))
                .as("the body of POST /api/v1/payment-requests")
                .containsAll(keys(parse(paymentRequestBody)))
                .doesNotContain("url", "event_types", "eventTypes");
        var created = api.post("/api/v1/payment-requests", paymentRequestBody)
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode createdSchema = schema(document, response(document, "/api/v1/payment-requests", "post", "201"));
        assertThat(properties(createdSchema)).containsAll(keys(created.json()));
        JsonNode paymentRequestSchema =
                schema(document, createdSchema.get("properties").get("payment_request"));
        assertThat(properties(paymentRequestSchema))
                .as("the payment request as the API writes it")
                .containsAll(keys(created.json().get("payment_request")));
        JsonNode amountSchema =
                schema(document, paymentRequestSchema.get("properties").get("amount"));
        assertThat(properties(amountSchema))
                .containsExactlyInAnyOrderElementsOf(
                        keys(created.json().get("payment_request").get("amount")));

        var invalid = api.post("/api/v1/payment-requests", "{}")
                .token(callers.of(carrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(invalid.status()).isEqualTo(400);
        JsonNode badRequest = operation(document, "/api/v1/payment-requests", "post")
                .get("responses")
                .get("400")
                .get("content")
                .get("application/problem+json");
        assertThat(badRequest).as("400 is documented as a problem").isNotNull();
        assertThat(properties(schema(document, badRequest.get("schema")))).containsAll(keys(invalid.json()));
    }

    @Test
    void errorsAreDocumentedAsProblemDetails() {
        JsonNode document = document();
        JsonNode create = operation(document, "/api/v1/payment-requests", "post");

        for (String status : List.of("400", "401", "403", "409", "422", "429")) {
            JsonNode content = create.get("responses").get(status);
            assertThat(content).as("response " + status).isNotNull();
            assertThat(content.get("content")
                            .get("application/problem+json")
                            .get("schema")
                            .get("$ref")
                            .asString())
                    .isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(operation(document, "/api/v1/payment-requests/{id}", "get")
                        .get("responses")
                        .has("404"))
                .isTrue();
        assertThat(properties(document.get("components").get("schemas").get("ProblemDetail")))
                .contains("type", "title", "status", "detail", "instance", "request_id", "errors");
    }

    /**
     * The document as committed: keys sorted, two-space indentation, without {@code servers} (springdoc derives it
     * from the request's host and port).
     */
    static String canonical(JsonNode document) {
        var copy = (tools.jackson.databind.node.ObjectNode) document.deepCopy();
        copy.remove("servers");
        var mapper = tools.jackson.databind.json.JsonMapper.builder()
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        Object tree = mapper.convertValue(copy, Object.class);
        return mapper.writeValueAsString(tree) + "\n";
    }

    /** Any authenticated caller reads it. */
    private JsonNode document() {
        var response = api.get("/v3/api-docs")
                .token(callers.of(TenantId.random(), Role.CARRIER_DRIVER))
                .timeout(java.time.Duration.ofMinutes(3))
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode operation(JsonNode document, String path, String method) {
        JsonNode operation = document.get("paths").get(path).get(method);
        assertThat(operation).as(method + " " + path).isNotNull();
        return operation;
    }

    private static Set<String> requestProperties(JsonNode document, String path, String method) {
        return properties(schema(
                document,
                operation(document, path, method)
                        .get("requestBody")
                        .get("content")
                        .get("application/json")
                        .get("schema")));
    }

    private static Set<String> responseProperties(JsonNode document, String path, String method, String status) {
        return properties(schema(document, response(document, path, method, status)));
    }

    private static JsonNode response(JsonNode document, String path, String method, String status) {
        JsonNode content =
                operation(document, path, method).get("responses").get(status).get("content");
        return content.properties().iterator().next().getValue().get("schema");
    }

    private static JsonNode schema(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.get("components").get("schemas").get(name);
        }
        return schema;
    }

    private static Set<String> properties(JsonNode schema) {
        return schema.has("properties") ? new TreeSet<>(schema.get("properties").propertyNames()) : Set.of();
    }

    private static List<String> keys(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    private static JsonNode parse(String json) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    }
}
