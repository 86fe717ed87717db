package io.freightgate.security;

import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 in the same problem format as every other error. The detail never says why a token was refused beyond
 * what RFC 6750 allows, so a forger learns nothing.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        boolean tokenPresent = request.getHeader("Authorization") != null;
        response.setHeader(
                "WWW-Authenticate", tokenPresent ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"freightgate\"");
        problems.write(
                request,
                response,
                ProblemType.UNAUTHENTICATED,
                tokenPresent
                        ? "The access token is invalid or expired."
                        : "This endpoint needs a bearer access token.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, ProblemType.FORBIDDEN, "Your roles do not allow this operation.");
    }
}
