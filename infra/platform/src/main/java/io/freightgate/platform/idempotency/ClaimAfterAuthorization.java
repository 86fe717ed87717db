package io.freightgate.platform.idempotency;

import jakarta.servlet.DispatcherType;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Claims a request's {@code Idempotency-Key} around the controller method, inside method security: it runs only once
 * {@code @PreAuthorize} (and the URL rules of the security filter chain before it) have allowed this caller to call
 * this handler. A caller refused there never reaches a stored answer, and its refusal is never stored. When the key
 * already has an answer (a replay, or a refusal such as "still running"), the handler does not run: {@link
 * AnsweredFromRecords} ends the dispatch and {@link IdempotencyFilter} writes the answer.
 */
public final class ClaimAfterAuthorization implements MethodInterceptor {

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getRequest().getDispatcherType() != DispatcherType.REQUEST) {
            return invocation.proceed();
        }
        var idempotent = IdempotentRequest.on(attributes.getRequest());
        if (idempotent.isEmpty() || idempotent.get().claimForHandler()) {
            return invocation.proceed();
        }
        throw new AnsweredFromRecords();
    }

    /** The handler is skipped because the idempotency records already hold the answer. */
    static final class AnsweredFromRecords extends RuntimeException {
        AnsweredFromRecords() {
            super("Answered from the idempotency records", null, false, false);
        }
    }
}
