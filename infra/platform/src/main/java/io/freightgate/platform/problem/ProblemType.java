package io.freightgate.platform.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of every problem FreightGate answers with (RFC 9457). Each has a stable slug (its type URI is
 * {@code /problems/{slug}}), a title and an HTTP status; {@code docs/api/problems.md} documents each one. A new kind of
 * error is a new entry here, never an ad-hoc body.
 */
public enum ProblemType {
    MALFORMED_REQUEST(
            "malformed-request", "Malformed request", 400, "The request body or a parameter could not be read."),
    VALIDATION_FAILED("validation-failed", "Validation failed", 400, "One or more fields are invalid; see errors."),
    IDEMPOTENCY_KEY_MISSING(
            "idempotency-key-missing",
            "Idempotency-Key header required",
            400,
            "Every mutating API request needs an Idempotency-Key header (1 to 255 printable ASCII characters)."),
    IDEMPOTENCY_KEY_INVALID(
            "idempotency-key-invalid",
            "Idempotency-Key header invalid",
            400,
            "The Idempotency-Key header must be 1 to 255 printable ASCII characters."),
    WEBHOOK_SIGNATURE_INVALID(
            "webhook-signature-invalid",
            "Webhook signature invalid",
            400,
            "The Stripe-Signature header is missing, malformed, does not match the body for any configured secret, or"
                    + " its timestamp is outside the tolerance (too old or too far in the future). Nothing was stored."),
    PERIOD_INVALID(
            "period-invalid",
            "Period invalid",
            400,
            "The month or date range is malformed, has not begun, ends before it begins or is longer than allowed."),
    UNAUTHENTICATED(
            "unauthenticated",
            "Authentication required",
            401,
            "The request has no valid access token. Obtain one from /oauth2/token."),
    SECOND_FACTOR_REQUIRED(
            "second-factor-required",
            "Second factor required",
            401,
            "This action needs a person to have confirmed a second factor (TOTP or a recovery code) in the last 15"
                    + " minutes. Send the person to step_up_url; with the new access token they get there, repeat the"
                    + " request. API clients (client credentials) never get this problem."),
    PAYMENT_DECLINED(
            "payment-declined",
            "Payment declined",
            402,
            "Stripe declined the payment (card declined, authentication failed, debit refused); decline_code names"
                    + " Stripe's reason. Nothing was charged; the request can be paid again."),
    FORBIDDEN("forbidden", "Forbidden", 403, "The caller's roles do not allow this operation."),
    ORGANIZATION_NOT_VERIFIED(
            "organization-not-verified",
            "Organization not verified",
            403,
            "Only organizations that completed verification (KYB) may bill and pay; see detail for which one has not."),
    NOT_FOUND("not-found", "Not found", 404, "No such resource, or it belongs to another organization."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405, "The resource does not support this method."),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406, "The resource cannot produce the requested media type."),
    STATE_CONFLICT("state-conflict", "Conflict", 409, "The resource is not in a state that allows this operation."),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(
            "idempotency-request-in-progress",
            "Request with this Idempotency-Key in progress",
            409,
            "A request with the same Idempotency-Key is still being processed; retry later."),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413, "The request body exceeds the allowed size."),
    UNSUPPORTED_MEDIA_TYPE(
            "unsupported-media-type", "Unsupported media type", 415, "The request body's media type is not supported."),
    IDEMPOTENCY_KEY_REUSED(
            "idempotency-key-reused",
            "Idempotency-Key reused with a different request",
            422,
            "The Idempotency-Key was already used for a request with another method, path or body."),
    UNPROCESSABLE(
            "unprocessable",
            "Request cannot be processed",
            422,
            "The request is well-formed but breaks a business rule; see detail."),
    RULE_INVALID(
            "rule-invalid",
            "Fraud rule invalid",
            422,
            "The fraud rule does not compile: bad syntax, an unknown attribute or values of the wrong type; line and"
                    + " column say where (both from 1), detail says what. Nothing was stored."),
    PAYMENT_BLOCKED(
            "payment-blocked",
            "Payment blocked",
            422,
            "Payment screening refused the payment before it was sent to Stripe; nothing was charged."),
    PASSWORD_REJECTED(
            "password-rejected",
            "Password rejected",
            422,
            "The password breaks the password policy (12 to 128 characters, not a common password, not containing the"
                    + " email); see detail."),
    WEBHOOK_URL_REFUSED(
            "webhook-url-refused",
            "Webhook URL refused",
            422,
            "The webhook endpoint URL is not https, is malformed, or resolves to a loopback, private, link-local or"
                    + " otherwise internal address; FreightGate does not send there."),
    RECONCILIATION_DAY_REFUSED(
            "reconciliation-day-refused",
            "Day cannot be reconciled",
            422,
            "The day to reconcile is not a calendar date written as YYYY-MM-DD, or it has not begun yet (UTC)."),
    ACTIVE_CONTENT_REFUSED(
            "active-content-refused",
            "Document with active content refused",
            422,
            "The PDF carries JavaScript, an action that launches or reaches outside the document (launch, URI,"
                    + " submit-form, import-data, go-to-embedded, go-to-remote), an embedded file, an XFA form or rich"
                    + " media. Nothing was stored."),
    DOCUMENT_TOO_COMPLEX(
            "document-too-complex",
            "Document too complex to read",
            422,
            "The file decompresses past the allowed size or ratio (a compression bomb), uses a filter whose output"
                    + " cannot be bounded, has too many pages or objects, declares too many pixels, or takes too long to"
                    + " read. Nothing was stored."),
    RATE_LIMITED(
            "rate-limited", "Too many requests", 429, "The caller exceeded its request rate; retry after Retry-After."),
    INTERNAL_ERROR(
            "internal-error",
            "Internal error",
            500,
            "An unexpected error occurred. Quote the request id when reporting it."),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503, "A dependency is unavailable; retry later.");

    private final String slug;
    private final String title;
    private final int status;
    private final String description;

    ProblemType(String slug, String title, int status, String description) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public String description() {
        return description;
    }

    public URI type() {
        return URI.create("/problems/" + slug);
    }

    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
    }

    /** The catalogue entry for a status the framework produced without a more specific type. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> STATE_CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> INTERNAL_ERROR;
        };
    }
}
