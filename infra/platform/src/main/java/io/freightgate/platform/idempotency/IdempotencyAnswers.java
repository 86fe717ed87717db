package io.freightgate.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Ends the dispatch quietly when {@link ClaimAfterAuthorization} skipped the handler, before any exception handler
 * could turn that into an error; {@link IdempotencyFilter} then writes the stored or refusing answer.
 */
public final class IdempotencyAnswers implements HandlerExceptionResolver, Ordered {

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception exception) {
        return exception instanceof ClaimAfterAuthorization.AnsweredFromRecords ? new ModelAndView() : null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
