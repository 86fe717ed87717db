package io.freightgate.api;

import io.freightgate.fraud.FraudReviews;
import io.freightgate.fraud.ReviewChange;
import io.freightgate.fraud.ReviewView;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
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
 * {@code /api/v1/fraud/reviews}: the fraud review queue (docs/fraud.md, "Stage 2 and reviews"). Risk analysts list the
 * reviews (open first, with their SLA age, the explanation and the facts), claim one and approve or reject it with a
 * note; platform admins read. Approving captures the kept authorization (or releases a SEPA payment's transfer) and
 * approves Stripe's own review; rejecting cancels the authorization or refunds the payment as fraudulent.
 */
@RestController
@RequestMapping("/api/v1/fraud/reviews")
@Tag(name = "Fraud reviews", description = "Payments held for a risk analyst's decision")
@SecurityRequirement(name = "bearer")
@Validated
class FraudReviewsController {

    private static final String READERS = "hasAnyRole('RISK_ANALYST', 'PLATFORM_ADMIN')";
    private static final String ANALYSTS = "hasRole('RISK_ANALYST')";

    private final FraudReviews reviews;

    FraudReviewsController(FraudReviews reviews) {
        this.reviews = reviews;
    }

    record DecisionRequest(@NotBlank @Size(max = 2000) String note) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The review queue: open reviews first (oldest first), then closed ones (newest first)",
            description = "open=true lists only open reviews; limit 1 to 500 (default 100). Each review carries its"
                    + " SLA age in seconds, the explanation of the decision and a summary of its facts.")
    List<ReviewView> list(
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return reviews.list(open, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A review, with what happened to it")
    ReviewView get(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return reviews.find(id).orElseThrow(() -> new NotFound("Fraud review " + id));
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Take a review: only the claimer decides it",
            description = "409 state-conflict when the review is closed or another analyst claimed it.")
    ReviewView claim(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(reviews.claim(id));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Approve a review with a note: the money moves on",
            description = "Captures the kept authorization (unless captured on delivery), approves Stripe's own review"
                    + " and releases the transfer. note is required (400 validation-failed without one). 409"
                    + " state-conflict when the review is closed or another analyst claimed it; 503 when Stripe did not"
                    + " answer (the review stays open; repeat).")
    ReviewView approve(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(reviews.approve(id, request.note()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Reject a review with a note: the money goes back",
            description = "Cancels the kept authorization, or refunds a collected payment in full as fraudulent. note"
                    + " is required (400 validation-failed without one). 409 state-conflict when the review is closed"
                    + " or another analyst claimed it; 503 when Stripe did not answer (the review stays open; repeat).")
    ReviewView reject(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return done(reviews.reject(id, request.note()));
    }

    private static ReviewView done(ReviewChange change) {
        return switch (change) {
            case ReviewChange.Done done -> done.review();
            case ReviewChange.NotFound notFound -> throw new NotFound("Fraud review");
            case ReviewChange.Conflict conflict ->
                throw new ProblemException(ProblemType.STATE_CONFLICT, conflict.detail());
        };
    }

    private static void requireStaff(Authentication caller, Role... roles) {
        if (!Caller.of(caller).isPlatformStaff(roles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform risk staff work with fraud reviews.");
        }
    }
}
