package io.freightgate.fraud.internal.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** docs/fraud.md documents every attribute rules can name, with its type, and shows the default rules as shipped. */
class FraudDocumentationTests {

    static final Path DOCUMENT = Path.of("..", "docs", "fraud.md");

    @Test
    void everyAttributeHasARowWithItsType() throws IOException {
        String document = Files.readString(DOCUMENT);

        for (Attribute attribute : StandardAttributes.registry().all()) {
            assertThat(document)
                    .as(":%s: in docs/fraud.md", attribute.name())
                    .contains("| `:" + attribute.name() + ":` | "
                            + attribute.type().name().toLowerCase() + " | "
                            + attribute.known().name().toLowerCase().replace('_', ' ') + " | ");
        }
    }

    @Test
    void theDefaultRulesAreShownAsShipped() throws IOException {
        String shipped;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fraud/default-rules.txt"))) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }

        assertThat(Files.readString(DOCUMENT)).contains("```\n" + shipped + "\n```");
    }
}
