package io.freightgate.api;

import io.freightgate.platform.problem.ProblemType;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Makes every problem {@code type} URI resolvable: {@code /problems/{slug}} describes that problem. */
@RestController
class ProblemTypesController {

    record ProblemTypeDocument(String type, String title, int status, String description) {
        static ProblemTypeDocument of(ProblemType type) {
            return new ProblemTypeDocument(type.type().toString(), type.title(), type.status(), type.description());
        }
    }

    @GetMapping("/problems")
    List<ProblemTypeDocument> all() {
        return Arrays.stream(ProblemType.values()).map(ProblemTypeDocument::of).toList();
    }

    @GetMapping("/problems/{slug}")
    ProblemTypeDocument one(@PathVariable String slug) {
        return ProblemType.bySlug(slug).map(ProblemTypeDocument::of).orElseThrow(() -> new NotFound("Problem type"));
    }
}
