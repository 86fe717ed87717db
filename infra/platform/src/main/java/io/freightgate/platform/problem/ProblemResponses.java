package io.freightgate.platform.problem;

import io.freightgate.platform.web.RequestInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 bodies from the {@link ProblemType} catalogue, for controllers (as {@link ProblemDetail}) and for
 * filters and security handlers that answer before a controller runs (written straight to the response). Both carry
 * the same fields: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and
 * {@code request_id}.
 */
@Component
public class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /**
     * A problem of the catalogue's type; without a detail when there is none (an exception without a message), and
     * without an {@code instance} when no request is at hand (the error page sets its own).
     */
    public static ProblemDetail detail(
            ProblemType type, @Nullable String detail, @Nullable HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                org.springframework.http.HttpStatusCode.valueOf(type.status()), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        if (request != null) {
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
        }
        String requestId = RequestInfo.current().requestId();
        if (requestId != null) {
            problem.setProperty("request_id", requestId);
        }
        return problem;
    }

    /** Writes a problem to a response that no controller produced. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        String requestId = RequestInfo.current().requestId();
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        response.setStatus(type.status());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
