package io.freightgate.api;

import io.freightgate.fraud.EarlyFraudWarningView;
import io.freightgate.fraud.EarlyFraudWarnings;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/fraud/early-fraud-warnings}: the payments issuers flagged as fraudulent before any dispute, what the
 * rules made of them (payout hold) and the proactive refund's state (docs/fraud.md). Risk analysts and platform admins
 * read them.
 */
@RestController
@RequestMapping("/api/v1/fraud/early-fraud-warnings")
@Tag(name = "Early fraud warnings", description = "Issuers' early fraud warnings, payout holds and proactive refunds")
@SecurityRequirement(name = "bearer")
class EarlyFraudWarningsController {

    private static final int LIMIT = 500;

    private final EarlyFraudWarnings warnings;

    EarlyFraudWarningsController(EarlyFraudWarnings warnings) {
        this.warnings = warnings;
    }

    /**
     * @param refund RECOMMENDED (a refund with reason fraudulent is recommended before the warning becomes a dispute),
     *     NOT_RECOMMENDED, REFUNDING, REFUNDED, UNCONFIRMED, HANDED_TO_DISPUTE or FAILED
     */
    record WarningResponse(
            String id,
            String chargeId,
            @Nullable String paymentIntentId,
            @Nullable UUID paymentRequestId,
            @Nullable UUID carrierId,
            @Nullable Long amountMinor,
            @Nullable String currency,
            String fraudType,
            boolean actionable,
            boolean holdPayout,
            List<String> explanations,
            EarlyFraudWarningView.Refund refund,
            @Nullable String refundDetail,
            Instant createdAtStripe,
            Instant receivedAt,
            Instant updatedAt) {

        static WarningResponse of(EarlyFraudWarningView w) {
            return new WarningResponse(
                    w.warningId(),
                    w.chargeId(),
                    w.paymentIntentId().orElse(null),
                    w.paymentRequestId().map(PaymentRequestId::value).orElse(null),
                    w.carrier().map(TenantId::value).orElse(null),
                    w.amount().map(money -> money.minor()).orElse(null),
                    w.amount().map(money -> money.currency().getCurrencyCode()).orElse(null),
                    w.fraudType(),
                    w.actionable(),
                    w.holdPayout(),
                    w.explanations(),
                    w.refund(),
                    w.refundDetail().orElse(null),
                    w.createdAtStripe(),
                    w.receivedAt(),
                    w.updatedAt());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('RISK_ANALYST', 'PLATFORM_ADMIN')")
    @Operation(summary = "The newest 500 early fraud warnings, with the recommended refund and payout hold")
    List<WarningResponse> list(Authentication caller) {
        if (!Caller.of(caller).isPlatformStaff(Role.RISK_ANALYST, Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform risk staff read early fraud warnings.");
        }
        return warnings.newest(LIMIT).stream().map(WarningResponse::of).toList();
    }
}
