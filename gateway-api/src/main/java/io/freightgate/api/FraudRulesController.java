package io.freightgate.api;

import io.freightgate.fraud.AttributeView;
import io.freightgate.fraud.FraudRules;
import io.freightgate.fraud.ProposeRule;
import io.freightgate.fraud.RuleChange;
import io.freightgate.fraud.RuleView;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/fraud/rules}: the fraud rules every payment is screened with (docs/fraud.md). Risk analysts write,
 * enable and disable them; a block rule is enabled by two analysts (one asks, another approves). Platform admins read
 * them. Every change is audited with who made it.
 */
@RestController
@RequestMapping("/api/v1/fraud")
@Tag(name = "Fraud rules", description = "The rules payments are screened with, in FreightGate's rule language")
@SecurityRequirement(name = "bearer")
class FraudRulesController {

    private static final String READERS = "hasAnyRole('RISK_ANALYST', 'PLATFORM_ADMIN')";
    private static final String ANALYSTS = "hasRole('RISK_ANALYST')";

    private final FraudRules rules;

    FraudRulesController(FraudRules rules) {
        this.rules = rules;
    }

    record RuleRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}")
            String name,

            @NotBlank @Size(max = 2000) String text) {}

    record RuleTextRequest(@NotBlank @Size(max = 2000) String text) {}

    @GetMapping("/rules")
    @PreAuthorize(READERS)
    @Operation(summary = "Every fraud rule, by name, with its state")
    List<RuleView> list(Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return rules.list();
    }

    @GetMapping("/rules/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A fraud rule")
    RuleView get(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return rules.find(id).orElseThrow(() -> new NotFound("Fraud rule " + id));
    }

    @GetMapping("/attributes")
    @PreAuthorize(READERS)
    @Operation(
            summary = "The attributes rules may name",
            description = "type BOOLEAN, NUMBER, MONEY or STRING; values lists the only values a text attribute takes;"
                    + " known says when the fact is available (BEFORE_CONFIRMATION, AFTER_AUTHORIZATION, LATER).")
    List<AttributeView> attributes(Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return rules.attributes();
    }

    @PostMapping("/rules")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Write a rule (a draft, not yet in force)",
            description = "text is one rule, for example review if :risk_score: >= 65 (docs/fraud.md). 422"
                    + " rule-invalid with line and column when it does not compile; 409 state-conflict when the name"
                    + " is taken.")
    ResponseEntity<RuleView> propose(@Valid @RequestBody RuleRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        RuleView rule = done(rules.propose(new ProposeRule(request.name(), request.text(), caller.getName())));
        return ResponseEntity.created(URI.create("/api/v1/fraud/rules/" + rule.id()))
                .body(rule);
    }

    @PatchMapping("/rules/{id}")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Replace the text of a draft or disabled rule",
            description = "422 rule-invalid with line and column when it does not compile; 409 state-conflict for a"
                    + " rule in force or awaiting approval (disable it first).")
    RuleView edit(@PathVariable UUID id, @Valid @RequestBody RuleTextRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(rules.edit(id, request.text(), caller.getName()));
    }

    @PostMapping("/rules/{id}/enable")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Put a rule in force",
            description = "A block rule goes to AWAITING_APPROVAL until another analyst approves it; every other rule"
                    + " is ENABLED at once. 409 state-conflict unless the rule is a draft or disabled.")
    RuleView enable(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(rules.enable(id, caller.getName()));
    }

    @PostMapping("/rules/{id}/approve")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Approve a block rule another analyst asked to enable",
            description = "409 state-conflict when the rule does not await approval, or when the caller is the analyst"
                    + " who asked.")
    RuleView approve(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(rules.approve(id, caller.getName()));
    }

    @PostMapping("/rules/{id}/disable")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Take a rule out of force (or withdraw a request for approval)",
            description = "409 state-conflict unless the rule is enabled or awaits approval.")
    RuleView disable(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(rules.disable(id, caller.getName()));
    }

    private static RuleView done(RuleChange change) {
        return switch (change) {
            case RuleChange.Done done -> done.rule();
            case RuleChange.Refused refused ->
                throw switch (refused.refusal()) {
                    case NO_RULE -> new NotFound("Fraud rule");
                    case INVALID_RULE ->
                        refused.position()
                                .<RuntimeException>map(at -> new RuleRejected(refused.detail(), at.line(), at.column()))
                                .orElseGet(() -> new ProblemException(ProblemType.VALIDATION_FAILED, refused.detail()));
                    case NAME_TAKEN, WRONG_STATE, SAME_ANALYST ->
                        new ProblemException(ProblemType.STATE_CONFLICT, refused.detail());
                };
        };
    }

    /** Platform staff only: the roles above exist only in the platform organization, and this says so again. */
    private static void requireStaff(Authentication caller, Role... roles) {
        if (!Caller.of(caller).isPlatformStaff(roles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform risk staff work with fraud rules.");
        }
    }
}
