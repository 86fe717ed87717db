package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.platform.problem.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/api/problems.md documents every problem type the catalogue has, with its status. */
class ProblemCatalogueDocumentationTests {

    static final Path DOCUMENT = Path.of("..", "docs", "api", "problems.md");

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void everyProblemTypeIsDocumented(ProblemType type) throws IOException {
        String document = Files.readString(DOCUMENT);

        assertThat(document).contains("| `/problems/" + type.slug() + "` | " + type.status() + " |");
    }
}
