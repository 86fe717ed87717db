package io.freightgate.platform.ratelimit;

import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Limits API requests per caller (its actor id once authenticated, its address before): 429 {@code rate-limited} with
 * {@code Retry-After} when the bucket is empty; {@code X-RateLimit-Remaining} otherwise.
 */
public class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimit limit;
    private final ProblemResponses problems;

    public ApiRateLimitFilter(RateLimiter limiter, RateLimit limit, ProblemResponses problems) {
        this.limiter = limiter;
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded path, as the handler mappings and security matchers see it (/%61pi/... is /api/...).
        return !UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller =
                Tenancy.current().map(scope -> "actor:" + scope.actor()).orElse("ip:" + request.getRemoteAddr());
        switch (limiter.tryConsume(limit, caller)) {
            case RateLimiter.Allowed allowed -> {
                response.setHeader("X-RateLimit-Remaining", Long.toString(allowed.remaining()));
                chain.doFilter(request, response);
            }
            case RateLimiter.Limited limited -> {
                long seconds = Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(
                        request,
                        response,
                        ProblemType.RATE_LIMITED,
                        "At most " + limit.capacity() + " requests per " + limit.period() + "; retry in " + seconds
                                + " s.");
            }
        }
    }
}
