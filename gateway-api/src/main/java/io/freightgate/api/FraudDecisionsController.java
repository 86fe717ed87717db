package io.freightgate.api;

import io.freightgate.fraud.DecisionView;
import io.freightgate.fraud.FraudDecisionLog;
import io.freightgate.fraud.ScreeningDecision;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/fraud/decisions}: every screening decision with its explanation and the facts it was made on
 * (docs/fraud.md). Risk analysts, platform admins and compliance officers read them; nobody writes them here.
 */
@RestController
@RequestMapping("/api/v1/fraud/decisions")
@Tag(name = "Fraud decisions", description = "Screening decisions, explained, with the facts they were made on")
@SecurityRequirement(name = "bearer")
class FraudDecisionsController {

    private static final String READERS = "hasAnyRole('RISK_ANALYST', 'PLATFORM_ADMIN', 'COMPLIANCE_OFFICER')";
    private static final Role[] READER_ROLES = {Role.RISK_ANALYST, Role.PLATFORM_ADMIN, Role.COMPLIANCE_OFFICER};

    private final FraudDecisionLog decisions;

    FraudDecisionsController(FraudDecisionLog decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "Screening decisions, newest first, without their facts",
            description = "Every filter optional: payment_request_id; decision ALLOW, REQUEST_3DS, REVIEW or BLOCK;"
                    + " rule (a rule's name: decisions it decided or fired for); from (at or after) and to (before),"
                    + " ISO-8601 instants; limit 1 to 500 (default 100). 400 malformed-request for a value that"
                    + " cannot be read, validation-failed for a limit out of range or from not before to.")
    List<DecisionView> list(
            @RequestParam("payment_request_id") Optional<UUID> paymentRequestId,
            @Parameter(description = "ALLOW, REQUEST_3DS, REVIEW or BLOCK") @RequestParam
                    Optional<ScreeningDecision.Decision> decision,
            @RequestParam Optional<String> rule,
            @RequestParam Optional<Instant> from,
            @RequestParam Optional<Instant> to,
            @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        requireStaff(caller);
        if (limit < 1 || limit > FraudDecisionLog.LIMIT) {
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED, "limit is 1 to " + FraudDecisionLog.LIMIT + ", not " + limit + ".");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "from is not before to.");
        }
        return decisions.decisions(
                new FraudDecisionLog.Filter(paymentRequestId, decision, rule.map(String::strip), from, to, limit));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(
            summary = "One screening decision with its explanation and the facts it was made on",
            description = "facts as stored: yes/no as booleans, texts as strings, numbers as decimal strings, amounts"
                    + " as minor units and currency. 404 for an unknown decision.")
    DecisionView get(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller);
        return decisions.decision(id).orElseThrow(() -> new NotFound("Fraud decision " + id));
    }

    private static void requireStaff(Authentication caller) {
        if (!Caller.of(caller).isPlatformStaff(READER_ROLES)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform risk staff read fraud decisions.");
        }
    }
}
