package io.freightgate.platform.ratelimit;

import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Limits API requests by the policy table ({@link Throttle}): every request is the action {@code api}, and some are
 * one more (creating a payment request, a VAT check, an evidence upload, ...), each counted per caller (its API client
 * or user once authenticated, its address before). Over a limit, or blocked: 429 {@code rate-limited} with {@code
 * Retry-After}; the {@code RateLimit} and {@code RateLimit-Policy} fields ({@link RateLimitHeaders}) on every answer
 * that took from a bucket.
 */
public class ApiRateLimitFilter extends OncePerRequestFilter {

    private final Throttle throttle;
    private final CallerKinds callers;
    private final ProblemResponses problems;

    public ApiRateLimitFilter(Throttle throttle, CallerKinds callers, ProblemResponses problems) {
        this.throttle = throttle;
        this.callers = callers;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded path, as the handler mappings and security matchers see it (/%61pi/... is /api/...).
        return !path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // A caller is known once the tenant binding found its organization (as before the table); anonymous
        // requests (an AnonymousAuthenticationToken too) are counted by address.
        CallerKinds.Caller caller = Optional.ofNullable(authentication)
                .filter(known -> Tenancy.current().isPresent())
                .flatMap(callers::classify)
                .orElseGet(() -> new CallerKinds.Caller(UserType.ANONYMOUS, LimitKey.ip(request.getRemoteAddr())));
        List<String> actions = new ArrayList<>();
        actions.add(RateLimitPolicy.API);
        actions.addAll(throttle.actionsOf(request.getMethod(), path(request)));
        List<Throttle.Quota> quotas = new ArrayList<>();
        for (String action : actions) {
            Throttle.Outcome outcome = throttle.check(action, caller.userType(), List.of(caller.key()));
            switch (outcome) {
                case Throttle.Passed passed -> quotas.addAll(passed.quotas());
                case Throttle.Limited limited -> {
                    RateLimitHeaders.write(response, limited);
                    Throttle.Quota quota = limited.quota();
                    problems.write(
                            request,
                            response,
                            ProblemType.RATE_LIMITED,
                            "At most " + quota.quota() + " requests per " + quota.window() + " (" + quota.policy()
                                    + "); retry in " + RateLimitHeaders.seconds(limited.retryAfter()) + " s.");
                    return;
                }
                case Throttle.Blocked blocked -> {
                    RateLimitHeaders.write(response, blocked);
                    problems.write(
                            request,
                            response,
                            ProblemType.RATE_LIMITED,
                            "Too many requests over the limit; retry in "
                                    + RateLimitHeaders.seconds(blocked.retryAfter()) + " s.");
                    return;
                }
            }
        }
        RateLimitHeaders.write(response, new Throttle.Passed(quotas));
        chain.doFilter(request, response);
    }

    /** The decoded path within the application. */
    protected static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }
}
