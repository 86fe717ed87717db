package io.freightgate.api;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import io.freightgate.transfers.TransferHoldReason;
import io.freightgate.transfers.TransferView;
import io.freightgate.transfers.Transfers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/payment-requests/{id}/transfer}: the carrier's share of a payment request, when it is released to the
 * carrier's payout account, and holds on it. The carrier's admins and finance users read their own; platform finance,
 * risk and admin staff read every one and place holds; releasing a hold, reversing a transfer made and restoring it are
 * for finance supervisors and platform admins.
 */
@RestController
@RequestMapping("/api/v1/payment-requests/{id}/transfer")
@Tag(name = "Transfers", description = "The carrier's share of a paid payment request, its release and holds")
@SecurityRequirement(name = "bearer")
class TransfersController {

    private static final String READERS = "hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'PLATFORM_ADMIN',"
            + " 'FINANCE_AGENT', 'FINANCE_SUPERVISOR', 'RISK_ANALYST')";
    private static final String HOLDERS =
            "hasAnyRole('PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR'," + " 'RISK_ANALYST')";
    private static final String RELEASERS = "hasAnyRole('PLATFORM_ADMIN', 'FINANCE_SUPERVISOR')";

    private final Transfers transfers;

    TransfersController(Transfers transfers) {
        this.transfers = transfers;
    }

    record HoldRequest(
            @NotNull TransferHoldReason reason,
            @Size(max = 500) @Nullable String note) {}

    record ReleaseRequest(@NotNull TransferHoldReason reason) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The carrier's transfer of a payment request",
            description = "status AWAITING_PAYMENT, PENDING (waiting_for lists every unmet condition of the release"
                    + " policy; delivery_wait names what weak delivery evidence lacks), HELD, SENDING, SENT, FAILED,"
                    + " REVERSING, REVERSED or NOTHING_TO_TRANSFER; amount = gross - fee - refunded. 404 for another"
                    + " organization's request.")
    TransferView get(@PathVariable UUID id, Authentication authentication) {
        return transfers
                .find(new PaymentRequestId(id), reach(authentication))
                .orElseThrow(() -> new NotFound("Payment request " + id));
    }

    @PostMapping("/holds")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(HOLDERS)
    @Operation(
            summary = "Hold the transfer",
            description =
                    "reason FRAUD_REVIEW, DISPUTE, KYC_REVOKED or MANUAL. 409 state-conflict when the transfer was"
                            + " already made or is being sent (reverse it instead) or the same hold is active; 404 for an"
                            + " unknown request.")
    ResponseEntity<TransferView> hold(@PathVariable UUID id, @Valid @RequestBody HoldRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(transfers.hold(new PaymentRequestId(id), body.reason(), Optional.ofNullable(body.note())));
    }

    @PostMapping("/release")
    @PreAuthorize(RELEASERS)
    @Operation(
            summary = "Release a hold",
            description = "Releases the active hold for reason; the transfer is sent at once if nothing else keeps it"
                    + " waiting. 409 state-conflict when no such hold is active.")
    TransferView release(@PathVariable UUID id, @Valid @RequestBody ReleaseRequest body) {
        return transfers.release(new PaymentRequestId(id), body.reason());
    }

    @PostMapping("/delivery-release")
    @PreAuthorize(RELEASERS)
    @Operation(
            summary = "Release the delivery on the platform's responsibility",
            description = "The second delivery signal a transfer waiting for one (SECOND_DELIVERY_SIGNAL: the carrier's"
                    + " proof is unplaced, undated or misdated) accepts from finance, as it would the shipper's"
                    + " confirmation or a telematics arrival; also accepts a delivery no evidence shows. The transfer"
                    + " is sent at once if nothing else keeps it waiting. 404 for an unknown request.")
    TransferView releaseDelivery(@PathVariable UUID id) {
        return transfers.releaseDelivery(new PaymentRequestId(id));
    }

    @PostMapping("/reversal")
    @PreAuthorize(RELEASERS)
    @Operation(
            summary = "Take back a transfer already made, in full",
            description = "A Stripe transfer reversal (the carrier's Stripe balance must cover it). 409 state-conflict"
                    + " when the transfer was not made or Stripe refuses; 503 when Stripe's answer was lost (the retry"
                    + " job repeats it with the same key).")
    TransferView reverse(@PathVariable UUID id) {
        return transfers.reverse(new PaymentRequestId(id));
    }

    @PostMapping("/restoration")
    @PreAuthorize(RELEASERS)
    @Operation(
            summary = "Send a reversed transfer again",
            description = "With a new idempotency key, as soon as the release policy allows (holds still apply). 409"
                    + " state-conflict unless the transfer is reversed.")
    TransferView restore(@PathVariable UUID id) {
        return transfers.restore(new PaymentRequestId(id));
    }

    private static Reach reach(Authentication authentication) {
        return Caller.of(authentication).reach(Role.values());
    }
}
