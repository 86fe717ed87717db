package io.freightgate.webhooks.internal;

import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe} and {@code POST /webhooks/stripe/connect}. The body is read as raw bytes (never bound
 * to an object: re-serialised JSON would not match the signature) up to {@code freightgate.webhooks.max-body-bytes}.
 * Answers 200 only once the event is committed (or was already); 400 for a bad signature or a body that is no event,
 * with nothing stored, so Stripe retries; 413 for an oversized body.
 */
@RestController
@Tag(name = "Stripe webhooks", description = "Signed event deliveries from Stripe (not for API clients)")
class StripeWebhookController {

    private final WebhookIntake intake;
    private final int maxBodyBytes;

    StripeWebhookController(WebhookIntake intake, WebhookProperties properties) {
        this.intake = intake;
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    @PostMapping("/webhooks/stripe")
    @Operation(
            summary = "Receive a platform event from Stripe",
            description = "Verifies Stripe-Signature (HMAC-SHA256 over the raw body, every configured secret, 300 s"
                    + " tolerance both ways), stores the event once and acknowledges it after the commit.")
    @ApiResponse(responseCode = "200", description = "Stored, ignored (no handler for the type) or a duplicate")
    @ApiResponse(responseCode = "400", description = "webhook-signature-invalid or malformed-request; nothing stored")
    @ApiResponse(responseCode = "413", description = "payload-too-large")
    ResponseEntity<?> platform(
            @Parameter(description = "t=<unix seconds>,v1=<hex HMAC>")
                    @RequestHeader(name = "Stripe-Signature", required = false)
                    String signature,
            HttpServletRequest request)
            throws IOException {
        return receive(WebhookEndpoint.PLATFORM, signature, request);
    }

    @PostMapping("/webhooks/stripe/connect")
    @Operation(
            summary = "Receive a connected-account event from Stripe",
            description = "As /webhooks/stripe, with the Connect endpoint's secrets; events carry `account`.")
    @ApiResponse(responseCode = "200", description = "Stored, ignored (no handler for the type) or a duplicate")
    @ApiResponse(responseCode = "400", description = "webhook-signature-invalid or malformed-request; nothing stored")
    @ApiResponse(responseCode = "413", description = "payload-too-large")
    ResponseEntity<?> connect(
            @Parameter(description = "t=<unix seconds>,v1=<hex HMAC>")
                    @RequestHeader(name = "Stripe-Signature", required = false)
                    String signature,
            HttpServletRequest request)
            throws IOException {
        return receive(WebhookEndpoint.CONNECT, signature, request);
    }

    private ResponseEntity<?> receive(WebhookEndpoint endpoint, String signature, HttpServletRequest request)
            throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return problem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "Webhook bodies are limited to " + maxBodyBytes + " bytes.",
                    request);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            return problem(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "Webhook bodies are limited to " + maxBodyBytes + " bytes.",
                    request);
        }
        return switch (intake.receive(endpoint, body, signature)) {
            case WebhookIntake.Stored stored ->
                ResponseEntity.ok(Map.of(
                        "received", stored.eventId(), "status", stored.status().name()));
            case WebhookIntake.Duplicate duplicate ->
                ResponseEntity.ok(Map.of("received", duplicate.eventId(), "status", "DUPLICATE"));
            case WebhookIntake.Refused refused ->
                problem(ProblemType.WEBHOOK_SIGNATURE_INVALID, refused.detail(), request);
            case WebhookIntake.Malformed malformed ->
                problem(ProblemType.MALFORMED_REQUEST, malformed.detail(), request);
        };
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail, HttpServletRequest request) {
        return ResponseEntity.status(type.status())
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(ProblemResponses.detail(type, detail, request));
    }
}
