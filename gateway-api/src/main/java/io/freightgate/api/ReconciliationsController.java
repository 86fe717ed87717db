package io.freightgate.api;

import io.freightgate.kernel.Money;
import io.freightgate.ledger.ReconciliationDayRefused;
import io.freightgate.ledger.ReconciliationView;
import io.freightgate.ledger.Reconciliations;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reconciliations}: platform admins and finance staff read the daily reconciliations of the ledger with
 * Stripe's balance transactions and the differences each found; the finance supervisor and platform admins run one for
 * a day now. Everyone else gets 403.
 */
@RestController
@Validated
@RequestMapping("/api/v1/reconciliations")
@Tag(
        name = "Reconciliations",
        description = "The daily reconciliation of the ledger with Stripe's balance transactions, and its differences")
@SecurityRequirement(name = "bearer")
class ReconciliationsController {

    private static final String READERS = "hasAnyRole('PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR')";
    private static final String RUNNERS = "hasAnyRole('PLATFORM_ADMIN', 'FINANCE_SUPERVISOR')";

    private final Reconciliations reconciliations;

    ReconciliationsController(Reconciliations reconciliations) {
        this.reconciliations = reconciliations;
    }

    record RunRequest(
            @Schema(example = "2026-12-02", description = "The day (UTC) to reconcile") @NotBlank
            String day) {}

    record DifferenceResponse(
            int seq,
            ReconciliationView.DifferenceKind kind,

            @Schema(description = "The carrier's connected account; null for the platform account") @Nullable
            String stripeAccount,

            String stripeSource,
            Money stripeNet,
            Money ledgerNet,
            String detail) {}

    record ReconciliationResponse(
            UUID id,
            LocalDate day,
            ReconciliationView.Status status,
            ReconciliationView.Trigger trigger,
            Instant startedAt,
            @Nullable Instant finishedAt,
            int stripeAccounts,
            int balanceTransactions,
            int ledgerEntries,

            @Schema(description = "How many differences the run found; 0: the ledger and Stripe agree")
            int differenceCount,

            @Nullable String error,

            @Schema(description = "The differences (only when one run is read)")
            List<DifferenceResponse> differences) {

        static ReconciliationResponse of(ReconciliationView view) {
            return new ReconciliationResponse(
                    view.id(),
                    view.day(),
                    view.status(),
                    view.trigger(),
                    view.startedAt(),
                    view.finishedAt().orElse(null),
                    view.stripeAccounts(),
                    view.balanceTransactions(),
                    view.ledgerEntries(),
                    view.differenceCount(),
                    view.error().orElse(null),
                    view.differences().stream()
                            .map(difference -> new DifferenceResponse(
                                    difference.seq(),
                                    difference.kind(),
                                    difference.stripeAccount().orElse(null),
                                    difference.stripeSource(),
                                    difference.stripeNet(),
                                    difference.ledgerNet(),
                                    difference.detail()))
                            .toList());
        }
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "List reconciliation runs, newest first (without their differences)")
    List<ReconciliationResponse> list(
            @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(200) int limit, Authentication caller) {
        requirePlatformStaff(caller, Role.PLATFORM_ADMIN, Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR);
        return reconciliations.list(limit).stream()
                .map(ReconciliationResponse::of)
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "Read one reconciliation run with every difference it found")
    ReconciliationResponse get(@PathVariable UUID id, Authentication caller) {
        requirePlatformStaff(caller, Role.PLATFORM_ADMIN, Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR);
        return reconciliations
                .find(id)
                .map(ReconciliationResponse::of)
                .orElseThrow(() -> new NotFound("Reconciliation " + id));
    }

    @PostMapping
    @PreAuthorize(RUNNERS)
    @Operation(
            summary = "Reconcile one day now",
            description = "Reconciles the day (UTC; today so far, or any earlier day) with Stripe now, whatever ran"
                    + " before, and answers 200 with the ended run: COMPLETED with its differences, or FAILED with the"
                    + " reason when Stripe could not be read. 422 reconciliation-day-refused for a day that is not a"
                    + " date (YYYY-MM-DD) or has not begun.")
    ReconciliationResponse run(@Valid @RequestBody RunRequest body, Authentication caller) {
        requirePlatformStaff(caller, Role.PLATFORM_ADMIN, Role.FINANCE_SUPERVISOR);
        LocalDate day;
        try {
            day = LocalDate.parse(body.day().strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(
                    ProblemType.RECONCILIATION_DAY_REFUSED, "day must be a calendar date written as YYYY-MM-DD.");
        }
        try {
            return ReconciliationResponse.of(reconciliations.run(day));
        } catch (ReconciliationDayRefused e) {
            throw new ProblemException(ProblemType.RECONCILIATION_DAY_REFUSED, e.getMessage());
        }
    }

    /** Only the platform's own staff: the roles above held by a user or client of another organization grant nothing. */
    private static void requirePlatformStaff(Authentication authentication, Role... roles) {
        if (!Caller.of(authentication).isPlatformStaff(roles)) {
            throw new AccessDeniedException("Reconciliations are platform finance's");
        }
    }
}
