package io.freightgate.api;

import io.freightgate.platform.idempotency.IdempotencyFilter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents what every operation under {@code /api} can answer besides its success: RFC 9457 problems
 * ({@code application/problem+json}, schema {@code ProblemDetail}, types in docs/api/problems.md) for 400, 401 and 403
 * (operations that need a token), 404 (paths naming a resource), 409 and 422 (changes) and 429 (the API's rate limit),
 * and the {@code Idempotency-Key} header every authenticated change needs. Operation ids are the controller's name and
 * the method's ({@code paymentRequestsCreate}), so generated clients keep their method names when operations are added.
 */
final class DocumentedProblems implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String SCHEMA = "ProblemDetail";

    private static final Set<PathItem.HttpMethod> CHANGES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(SCHEMA, problemDetail());
        openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                boolean authenticated = operation.getSecurity() != null
                        && !operation.getSecurity().isEmpty();
                boolean change = CHANGES.contains(method);
                add(
                        operation,
                        "400",
                        "The request is malformed or has invalid fields (errors lists them), or an"
                                + " Idempotency-Key is missing or invalid");
                if (authenticated) {
                    add(operation, "401", "No valid access token");
                    add(operation, "403", "The caller's roles do not allow this operation");
                }
                if (path.contains("{")) {
                    add(operation, "404", "No such resource, or it belongs to another organization");
                }
                if (change) {
                    add(
                            operation,
                            "409",
                            "The resource is not in a state that allows this operation, or a request"
                                    + " with this Idempotency-Key is still running");
                    add(
                            operation,
                            "422",
                            "The request is well-formed but refused by a business rule, or the"
                                    + " Idempotency-Key was used for a different request");
                }
                add(operation, "429", "Too many requests; retry after the Retry-After header's seconds");
                if (change && authenticated) {
                    idempotencyKey(operation);
                }
            });
        });
    }

    /** {@code PaymentRequestsController.create} is {@code paymentRequestsCreate}. */
    static Operation operationId(Operation operation, HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String method = handler.getMethod().getName();
        operation.setOperationId(Character.toLowerCase(controller.charAt(0))
                + controller.substring(1)
                + Character.toUpperCase(method.charAt(0))
                + method.substring(1));
        return operation;
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation
                .getResponses()
                .addApiResponse(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref(WireModelResolver.Components.SCHEMAS
                                                                        + SCHEMA)))));
    }

    private static void idempotencyKey(Operation operation) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter -> IdempotencyFilter.HEADER.equalsIgnoreCase(parameter.getName()));
        if (!declared) {
            operation.addParametersItem(new HeaderParameter()
                    .name(IdempotencyFilter.HEADER)
                    .required(true)
                    .description("A key unique to this change (a UUID): a retry with the same key and body gets the"
                            + " stored answer instead of changing anything twice. Kept 24 hours.")
                    .schema(new StringSchema()
                            .minLength(1)
                            .maxLength(255)
                            .example("5f0c6a8e-3c1b-4b7e-9d2a-7c1e2b3a4d5f")));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemDetail() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema()
                        .description("The problem type: /problems/{slug}, listed in docs/api/problems.md")
                        .example("/problems/validation-failed"));
        properties.put("title", new StringSchema().example("Validation failed"));
        properties.put("status", new IntegerSchema().example(400));
        properties.put(
                "detail", new StringSchema().description("What went wrong").example("The request has invalid fields."));
        properties.put("instance", new StringSchema().example("/api/v1/payment-requests"));
        properties.put(
                "request_id",
                new StringSchema()
                        .description("Quote it when reporting a problem")
                        .example("c0a8012e-5b1f"));
        properties.put(
                "errors",
                new ArraySchema()
                        .description("validation-failed: one entry per invalid field")
                        .items(new ObjectSchema()
                                .addProperty("field", new StringSchema().example("amount_minor"))
                                .addProperty("message", new StringSchema().example("must be greater than 0"))));
        properties.put(
                "decline_code",
                new StringSchema()
                        .description("payment-declined: the issuer's reason")
                        .example("insufficient_funds"));
        properties.put(
                "attempt_id", new UUIDSchema().description("payment-declined, payment-blocked: the payment attempt"));
        properties.put(
                "line", new IntegerSchema().description("rule-invalid: the line of the problem in the rule, from 1"));
        properties.put(
                "column",
                new IntegerSchema().description("rule-invalid: the column of the problem in the rule, from 1"));
        Schema schema = new ObjectSchema()
                .description("An RFC 9457 problem detail, sent as application/problem+json")
                .properties(properties);
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }
}
