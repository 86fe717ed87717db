package io.freightgate.api;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.platform.problem.ProblemType;
import java.util.List;
import org.springframework.test.web.servlet.ResultMatcher;

/** The RFC 9457 answer an {@link ApiSlice} promises for a problem of the catalogue. */
final class SliceProblems {

    private SliceProblems() {}

    /** Status, {@code application/problem+json}, and the catalogue's {@code type}, {@code title} and {@code status}. */
    static ResultMatcher problem(ProblemType type) {
        List<ResultMatcher> matchers = List.of(
                status().is(type.status()),
                content().contentTypeCompatibleWith("application/problem+json"),
                jsonPath("$.type").value(type.type().toString()),
                jsonPath("$.title").value(type.title()),
                jsonPath("$.status").value(type.status()));
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
