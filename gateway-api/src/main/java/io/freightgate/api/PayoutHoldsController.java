package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.payouts.PayoutHoldView;
import io.freightgate.payouts.PayoutHolds;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/carriers/{id}/payout-holds}: what holds a carrier's payouts (ADR 0014) and whether its connected
 * account pays out manually at Stripe. Platform admins, finance staff and risk analysts read them; risk analysts end a
 * hold (a warned payment settled, a review's hold left behind; docs/runbooks/payout-holds.md). Carriers do not see
 * them: a hold's reference may name a fraud review.
 */
@RestController
@RequestMapping("/api/v1/carriers/{id}/payout-holds")
@Tag(name = "Payout holds", description = "Holds that keep a carrier's Stripe account on manual payouts")
@SecurityRequirement(name = "bearer")
class PayoutHoldsController {

    private static final String READERS =
            "hasAnyRole('PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR', 'RISK_ANALYST')";

    private final PayoutHolds holds;
    private final OrganizationDirectory directory;
    private final io.freightgate.fraud.FraudReviews reviews;

    PayoutHoldsController(
            PayoutHolds holds, OrganizationDirectory directory, io.freightgate.fraud.FraudReviews reviews) {
        this.holds = holds;
        this.directory = directory;
        this.reviews = reviews;
    }

    /** The hold of a review still open ends with the review's decision, never by hand. */
    private void refuseWhileItsReviewIsOpen(String reference) {
        if (!reference.startsWith(REVIEW_PREFIX)) {
            return;
        }
        UUID review;
        try {
            review = UUID.fromString(reference.substring(REVIEW_PREFIX.length()));
        } catch (IllegalArgumentException notAReview) {
            return;
        }
        if (reviews.find(review).filter(open -> open.status().equals("OPEN")).isPresent()) {
            throw new IllegalStateException("Fraud review " + review
                    + " is open: its payout hold ends when the review is approved or rejected.");
        }
    }

    private static final String REVIEW_PREFIX = "fraud-review:";

    record HoldResponse(
            String reference,
            String reason,
            String heldBy,
            Instant heldAt,
            @Nullable String releasedBy,
            @Nullable Instant releasedAt) {
        static HoldResponse of(PayoutHoldView hold) {
            return new HoldResponse(
                    hold.reference(),
                    hold.reason(),
                    hold.heldBy(),
                    hold.heldAt(),
                    hold.releasedBy().orElse(null),
                    hold.releasedAt().orElse(null));
        }
    }

    /**
     * @param manualPayouts whether the holds want the account on manual payouts
     * @param confirmedAtStripe whether Stripe confirmed the account is where the holds want it
     * @param lastError why the last change did not reach Stripe (the janitor tries again)
     * @param active the active holds, oldest first
     * @param released the holds that ended, oldest first
     */
    record HoldsResponse(
            UUID carrierId,
            boolean manualPayouts,
            boolean confirmedAtStripe,
            @Nullable String lastError,
            List<HoldResponse> active,
            List<HoldResponse> released) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The carrier's payout holds and whether its account pays out manually at Stripe",
            description = "404 for an id that names no carrier.")
    HoldsResponse list(@PathVariable UUID id, Authentication caller) {
        TenantId carrier = carrier(
                id, caller, Role.PLATFORM_ADMIN, Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR, Role.RISK_ANALYST);
        var state = holds.state(carrier);
        var all = holds.history(carrier);
        return new HoldsResponse(
                id,
                state.manualPayouts(),
                state.atStripe(),
                state.lastError().orElse(null),
                all.stream()
                        .filter(PayoutHoldView::active)
                        .map(HoldResponse::of)
                        .toList(),
                all.stream()
                        .filter(hold -> !hold.active())
                        .map(HoldResponse::of)
                        .toList());
    }

    @DeleteMapping("/{reference}")
    @ApiResponse(responseCode = "204", description = "Released")
    @PreAuthorize("hasRole('RISK_ANALYST')")
    @Operation(
            summary = "End a payout hold",
            description = "When it was the carrier's last, the account's previous payout schedule is restored at"
                    + " Stripe. 404 when the carrier has no active hold with that reference; 409 for the hold of a fraud"
                    + " review still open (it ends with the review's decision).")
    ResponseEntity<Void> release(@PathVariable UUID id, @PathVariable String reference, Authentication caller) {
        TenantId carrier = carrier(id, caller, Role.RISK_ANALYST);
        refuseWhileItsReviewIsOpen(reference);
        if (!holds.release(carrier, reference)) {
            throw new NotFound("Active payout hold " + reference + " of carrier " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private TenantId carrier(UUID id, Authentication caller, Role... roles) {
        if (!Caller.of(caller).isPlatformStaff(roles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform staff work with payout holds.");
        }
        return CarrierAccess.carrier(directory, id, Caller.STAFF).id();
    }
}
