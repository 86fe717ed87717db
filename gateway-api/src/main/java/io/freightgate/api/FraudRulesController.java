package io.freightgate.api;

import io.freightgate.fraud.AttributeView;
import io.freightgate.fraud.DryRun;
import io.freightgate.fraud.FraudDecisionLog;
import io.freightgate.fraud.FraudRules;
import io.freightgate.fraud.ProposeRule;
import io.freightgate.fraud.RuleChange;
import io.freightgate.fraud.RuleHitRate;
import io.freightgate.fraud.RuleSnoozes;
import io.freightgate.fraud.RuleView;
import io.freightgate.fraud.SnoozeView;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestParam;
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
    private final RuleSnoozes snoozes;
    private final FraudDecisionLog decisions;

    FraudRulesController(FraudRules rules, RuleSnoozes snoozes, FraudDecisionLog decisions) {
        this.rules = rules;
        this.snoozes = snoozes;
        this.decisions = decisions;
    }

    record SnoozeRequest(
            @NotBlank String kind,
            @NotBlank @Size(max = 200) String value,
            @NotBlank @Size(max = 500) String reason,
            @jakarta.validation.constraints.NotNull Instant until) {}

    record RuleRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,62}")
            String name,

            @NotBlank @Size(max = 2000) String text) {}

    record RuleTextRequest(@NotBlank @Size(max = 2000) String text) {}

    record DryRunRequest(
            @NotBlank @Size(max = 2000) String text,
            @Min(1) @Max(90) int days) {}

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

    @PostMapping("/rules/dry-runs")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "What a rule would have decided over stored history, before it is enabled",
            description = "Replays the screening decisions of the last days (1 to 90; at most 10,000, newest first):"
                    + " each payment's stored facts are decided by the rules in force, then by the rules in force with"
                    + " this rule added. Answers how many the rule fired for, how many decisions would change and how"
                    + " (changes, as \"ALLOW -> REVIEW\"), with up to five examples. Stores nothing. 422 rule-invalid"
                    + " with line and column when the rule does not compile.")
    DryRun.Report dryRun(@Valid @RequestBody DryRunRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return switch (rules.dryRun(request.text(), request.days())) {
            case DryRun.Report report -> report;
            case DryRun.Invalid invalid -> throw new RuleRejected(invalid.detail(), invalid.line(), invalid.column());
        };
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
            description = "`version` is the rule's version as the approver read it: the approval is of that text."
                    + " 400 malformed-request without it; 409 state-conflict when the rule does not await approval,"
                    + " when the caller is the analyst who asked, or when the rule changed since that version.")
    RuleView approve(
            @PathVariable UUID id,
            @Parameter(description = "The rule's version as the approver read it", required = true)
                    @RequestParam(name = "version")
                    long version,
            Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(rules.approve(id, version, caller.getName()));
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

    @PostMapping("/rules/{id}/snoozes")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Snooze a rule for one value until a set time",
            description =
                    "kind SHIPPER (the organization's id), CARD (Stripe's card fingerprint), DEVICE or IP; until at"
                            + " most 90 days ahead. Until then the rule does not fire for a payment with that value, and the"
                            + " payment's explanation says it was snoozed. 404 for an unknown rule; 422 unprocessable for a"
                            + " kind or value that cannot be snoozed, or an until in the past or more than 90 days ahead; 409"
                            + " state-conflict when the rule is snoozed for that value already.")
    ResponseEntity<SnoozeView> snooze(
            @PathVariable UUID id, @Valid @RequestBody SnoozeRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        SnoozeView snooze = snoozed(snoozes.snooze(new RuleSnoozes.Snooze(
                id, request.kind(), request.value(), request.reason(), request.until(), caller.getName())));
        return ResponseEntity.created(URI.create("/api/v1/fraud/rules/" + id + "/snoozes/" + snooze.id()))
                .body(snooze);
    }

    @GetMapping("/rules/{id}/snoozes")
    @PreAuthorize(READERS)
    @Operation(
            summary = "A rule's snoozes, newest first (at most 500), ended and expired ones included",
            description = "active says whether the rule is snoozed for the value now. 404 for an unknown rule.")
    List<SnoozeView> snoozes(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return snoozes.of(id).orElseThrow(() -> new NotFound("Fraud rule " + id));
    }

    @PostMapping("/rules/{id}/snoozes/{snoozeId}/end")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "End a snooze before its time",
            description = "The rule fires for the value again at once; the snooze is kept with who ended it. 404 for"
                    + " an unknown rule or snooze; 409 state-conflict when it has ended or expired already.")
    SnoozeView endSnooze(@PathVariable UUID id, @PathVariable UUID snoozeId, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return snoozed(snoozes.end(id, snoozeId, caller.getName()));
    }

    @GetMapping("/rules/hit-rates")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Every rule's hit rates over the last days",
            description = "days 1 to 365 (default 30). Per rule: how many stored decisions it fired for and decided,"
                    + " how many of the payments it let through (ALLOW or REQUEST_3DS) later met a dispute or an early"
                    + " fraud warning, and how many it fired for met either. 400 validation-failed for days out of"
                    + " range.")
    List<RuleHitRate> hitRates(@RequestParam(defaultValue = "30") int days, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return decisions.hitRates(window(days));
    }

    @GetMapping("/rules/{id}/hit-rates")
    @PreAuthorize(READERS)
    @Operation(
            summary = "A rule's hit rates over the last days",
            description = "As the collection, for one rule. 404 for an unknown rule.")
    RuleHitRate hitRate(@PathVariable UUID id, @RequestParam(defaultValue = "30") int days, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return decisions.hitRate(id, window(days)).orElseThrow(() -> new NotFound("Fraud rule " + id));
    }

    private static int window(int days) {
        if (days < 1 || days > FraudDecisionLog.LONGEST_WINDOW_DAYS) {
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED,
                    "days is 1 to " + FraudDecisionLog.LONGEST_WINDOW_DAYS + ", not " + days + ".");
        }
        return days;
    }

    private static SnoozeView snoozed(RuleSnoozes.Outcome outcome) {
        return switch (outcome) {
            case RuleSnoozes.Outcome.Done done -> done.snooze();
            case RuleSnoozes.Outcome.NoRule none -> throw new ProblemException(ProblemType.NOT_FOUND, none.detail());
            case RuleSnoozes.Outcome.Invalid invalid ->
                throw new ProblemException(ProblemType.UNPROCESSABLE, invalid.detail());
            case RuleSnoozes.Outcome.Conflict conflict ->
                throw new ProblemException(ProblemType.STATE_CONFLICT, conflict.detail());
        };
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
