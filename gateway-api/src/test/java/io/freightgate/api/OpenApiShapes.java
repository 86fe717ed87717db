package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.test.web.servlet.ResultMatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an answer of an {@link ApiSlice} against the schema the committed API document ({@code docs/api/openapi.json},
 * kept equal to the served one by {@code OpenApiDocumentIT}) promises: every field the answer carries is declared there
 * (so a renamed or leaked field fails), every required field is present, and so on into the objects and arrays it
 * references.
 */
final class OpenApiShapes {

    private static final JsonNode SCHEMAS = JsonMapper.shared()
            .readTree(Path.of("..", "docs", "api", "openapi.json").toFile())
            .path("components")
            .path("schemas");

    private OpenApiShapes() {}

    /** The whole body is an instance of {@code schema} (or an array of them). */
    static ResultMatcher matches(String schema) {
        return result -> {
            JsonNode body = JsonMapper.shared().readTree(result.getResponse().getContentAsString());
            List<String> violations = new ArrayList<>();
            check(body, schema, "$", violations);
            assertThat(violations)
                    .as("answer against #/components/schemas/%s", schema)
                    .isEmpty();
        };
    }

    private static void check(JsonNode value, String schema, String where, List<String> violations) {
        JsonNode definition = SCHEMAS.path(schema);
        if (definition.isMissingNode()) {
            violations.add(where + ": no schema " + schema + " in the API document");
            return;
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema, where + "[" + i + "]", violations);
            }
            return;
        }
        if (!value.isObject()) {
            violations.add(where + ": expected an object of " + schema + ", got " + value);
            return;
        }
        JsonNode properties = definition.path("properties");
        Set<String> declared = new TreeSet<>(properties.propertyNames());
        for (String field : value.propertyNames()) {
            if (!declared.contains(field)) {
                violations.add(where + "." + field + ": not declared in " + schema + " " + declared);
                continue;
            }
            JsonNode property = properties.path(field);
            JsonNode child = value.path(field);
            String reference = reference(property);
            if (reference == null && property.path("type").asString("").equals("array")) {
                reference = reference(property.path("items"));
            }
            if (reference != null && !child.isNull()) {
                check(child, reference, where + "." + field, violations);
            }
        }
        for (JsonNode required : definition.path("required")) {
            if (!value.has(required.asString())) {
                violations.add(where + ": required " + schema + "." + required.asString() + " missing");
            }
        }
    }

    private static String reference(JsonNode property) {
        String ref = property.path("$ref").asString(null);
        if (ref == null
                && property.path("allOf").isArray()
                && !property.path("allOf").isEmpty()) {
            ref = property.path("allOf").get(0).path("$ref").asString(null);
        }
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }
}
