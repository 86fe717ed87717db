package io.freightgate.api;

import io.freightgate.billing.PaymentProviderUnavailable;
import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become HTTP answers: every error is an RFC 9457 problem from the
 * {@link ProblemType} catalogue, whether it comes from Spring MVC (400, 404, 405, 406, 413, 415), from method security
 * (403), from a facade's broken precondition (409, 422) or from a bug (500, whose detail says nothing but the request
 * id).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
        return problem(ProblemType.NOT_FOUND, e.getMessage() + ".", request);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> rejected(ProblemException e, HttpServletRequest request) {
        return problem(e.type(), e.getMessage(), request);
    }

    /** A fraud rule that does not compile: where ({@code line}, {@code column}) and what ({@code detail}). */
    @ExceptionHandler(RuleRejected.class)
    ResponseEntity<ProblemDetail> ruleRejected(RuleRejected e, HttpServletRequest request) {
        ProblemDetail body = ProblemResponses.detail(ProblemType.RULE_INVALID, e.getMessage(), request);
        body.setProperty("line", e.line());
        body.setProperty("column", e.column());
        return ResponseEntity.status(body.getStatus())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(body);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return problem(ProblemType.FORBIDDEN, "Your roles do not allow this operation.", request);
    }

    /**
     * RFC 9470's step-up challenge: 401 with {@code insufficient_user_authentication} and the most a second factor
     * may be old ({@code max_age}), and the problem's {@code step_up_url} for the web app.
     */
    @ExceptionHandler(io.freightgate.security.SecondFactorRequired.class)
    ResponseEntity<ProblemDetail> secondFactorRequired(
            io.freightgate.security.SecondFactorRequired e, HttpServletRequest request) {
        ProblemDetail body = ProblemResponses.detail(ProblemType.SECOND_FACTOR_REQUIRED, e.getMessage(), request);
        body.setProperty("step_up_url", e.stepUpPath());
        return ResponseEntity.status(body.getStatus())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_user_authentication\", error_description=\"A recent second"
                                + " factor is required\", max_age=" + io.freightgate.security.StepUp.RECENT.toSeconds())
                .body(body);
    }

    @ExceptionHandler(io.freightgate.security.PasswordRejected.class)
    ResponseEntity<ProblemDetail> passwordRejected(RuntimeException e, HttpServletRequest request) {
        return problem(ProblemType.PASSWORD_REJECTED, e.getMessage(), request);
    }

    @ExceptionHandler(io.freightgate.security.Invitations.InvitationNotFound.class)
    ResponseEntity<ProblemDetail> invitationNotFound(RuntimeException e, HttpServletRequest request) {
        return problem(ProblemType.NOT_FOUND, "Invitation not found, already used or expired.", request);
    }

    @ExceptionHandler(io.freightgate.security.PasswordResets.PasswordResetNotFound.class)
    ResponseEntity<ProblemDetail> passwordResetNotFound(RuntimeException e, HttpServletRequest request) {
        return problem(ProblemType.NOT_FOUND, "Password reset not found, already used or expired.", request);
    }

    @ExceptionHandler(io.freightgate.integrations.WebhookUrlRefused.class)
    ResponseEntity<ProblemDetail> webhookUrlRefused(RuntimeException e, HttpServletRequest request) {
        return problem(ProblemType.WEBHOOK_URL_REFUSED, e.getMessage(), request);
    }

    @ExceptionHandler(io.freightgate.platform.documents.DocumentRefused.class)
    ResponseEntity<ProblemDetail> documentRefused(
            io.freightgate.platform.documents.DocumentRefused e, HttpServletRequest request) {
        ProblemType type =
                switch (e.reason()) {
                    case ACTIVE_CONTENT -> ProblemType.ACTIVE_CONTENT_REFUSED;
                    case TOO_COMPLEX -> ProblemType.DOCUMENT_TOO_COMPLEX;
                    case BUSY -> ProblemType.SERVICE_UNAVAILABLE;
                    case EMPTY,
                            TOO_LARGE,
                            TYPE_NOT_ACCEPTED,
                            UNRECOGNIZED_CONTENT,
                            BAD_FILE_NAME,
                            UNREADABLE,
                            ENCRYPTED -> ProblemType.UNPROCESSABLE;
                };
        return problem(type, e.getMessage(), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> unprocessable(IllegalArgumentException e, HttpServletRequest request) {
        return problem(ProblemType.UNPROCESSABLE, e.getMessage(), request);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalStateException e, HttpServletRequest request) {
        return problem(ProblemType.STATE_CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(PaymentProviderUnavailable.class)
    ResponseEntity<ProblemDetail> providerUnavailable(PaymentProviderUnavailable e, HttpServletRequest request) {
        return problem(ProblemType.SERVICE_UNAVAILABLE, e.getMessage(), request);
    }

    @ExceptionHandler(io.freightgate.billing.PaymentRequestNotFound.class)
    ResponseEntity<ProblemDetail> paymentRequestNotFound(RuntimeException e, HttpServletRequest request) {
        return problem(ProblemType.NOT_FOUND, e.getMessage() + ".", request);
    }

    @ExceptionHandler(io.freightgate.billing.OrganizationNotVerified.class)
    ResponseEntity<ProblemDetail> notVerified(RuntimeException e, HttpServletRequest request) {
        return problem(ProblemType.ORGANIZATION_NOT_VERIFIED, e.getMessage(), request);
    }

    /**
     * A request parameter outside its constraints ({@code @Min}, {@code @Max} on a {@code @Validated} controller): 400
     * with the offending parameters, as for a body. A violation raised below the controllers stays a server error.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e, HttpServletRequest request) {
        var violations = e.getConstraintViolations();
        boolean ofAController = violations != null
                && !violations.isEmpty()
                && violations.stream()
                        .allMatch(violation -> AnnotatedElementUtils.hasAnnotation(
                                ClassUtils.getUserClass(violation.getRootBeanClass()), RestController.class));
        if (!ofAController) {
            return unexpected(e, request);
        }
        ProblemDetail body =
                ProblemResponses.detail(ProblemType.VALIDATION_FAILED, "The request has invalid fields.", request);
        List<Map<String, String>> errors = violations.stream()
                .map(violation ->
                        Map.of("field", lastNode(violation.getPropertyPath()), "message", violation.getMessage()))
                .toList();
        body.setProperty("errors", errors);
        return ResponseEntity.status(body.getStatus())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(body);
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = String.valueOf(node.getName());
        }
        return name;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side. Quote the request id when reporting it.",
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemResponses.detail(
                ProblemType.VALIDATION_FAILED, "The request has invalid fields.", servletRequest(request));
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        body.setProperty("errors", errors);
        return ResponseEntity.status(body.getStatus())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(body);
    }

    /** Framework errors keep their status and get the catalogue's type, title and request id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = ProblemType.forStatus(statusCode.value());
        String detail = body instanceof ProblemDetail framework && framework.getDetail() != null
                ? framework.getDetail()
                : type.description();
        ProblemDetail problem = ProblemResponses.detail(type, detail, servletRequest(request));
        return ResponseEntity.status(statusCode)
                .headers(headers)
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(problem);
    }

    /** The detail is the exception's message, which a problem may lack (RFC 9457 makes it optional). */
    private static ResponseEntity<ProblemDetail> problem(
            ProblemType type, @Nullable String detail, HttpServletRequest request) {
        return ResponseEntity.status(type.status())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(ProblemResponses.detail(type, detail, request));
    }

    private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }
}
