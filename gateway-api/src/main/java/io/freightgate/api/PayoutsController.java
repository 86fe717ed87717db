package io.freightgate.api;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.payouts.PayoutId;
import io.freightgate.payouts.PayoutNotFound;
import io.freightgate.payouts.PayoutStatus;
import io.freightgate.payouts.PayoutView;
import io.freightgate.payouts.Payouts;
import io.freightgate.payouts.RemittanceView;
import io.freightgate.platform.tenancy.Reach;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * {@code /api/v1/carriers/{id}/payouts}: a carrier's admins and finance staff see their payouts and remittances and ask
 * for on-demand payouts; platform admins and finance staff reach every carrier's (audited). Anyone else, or a carrier
 * asking for another's, gets 404.
 */
@RestController
@Validated
@RequestMapping("/api/v1/carriers/{id}/payouts")
@Tag(name = "Payouts", description = "Carriers' payouts to their bank accounts and the remittance of each")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR')")
class PayoutsController {

    private final Payouts payouts;
    private final OrganizationDirectory directory;

    PayoutsController(Payouts payouts, OrganizationDirectory directory) {
        this.payouts = payouts;
        this.directory = directory;
    }

    record PayoutRequest(
            @Positive @Max(99_999_999_999L) @Nullable Long amountMinor,
            @NotNull @Pattern(regexp = "[A-Za-z]{3}") String currency) {}

    record PayoutResponse(
            UUID id,
            UUID carrierId,
            @Nullable String stripePayoutId,
            boolean automatic,
            Money amount,
            PayoutStatus status,
            @Nullable LocalDate arrivalDate,
            @Nullable String failureCode,
            @Nullable String failureMessage,
            boolean remittanceReady,
            Instant createdAt,
            Instant updatedAt) {

        static PayoutResponse of(PayoutView view) {
            return new PayoutResponse(
                    view.id().value(),
                    view.carrier().value(),
                    view.stripePayoutId().orElse(null),
                    view.automatic(),
                    view.amount(),
                    view.status(),
                    view.arrivalDate().orElse(null),
                    view.failureCode().orElse(null),
                    view.failureMessage().orElse(null),
                    view.remittanceReady(),
                    view.createdAt(),
                    view.updatedAt());
        }
    }

    record LineResponse(
            RemittanceView.Kind kind,
            String stripeType,
            String balanceTransactionId,
            Money amount,
            Money stripeFee,
            Money net,
            @Nullable PaymentRequestId paymentRequestId,
            @Nullable String loadReference,
            @Nullable Money invoiceAmount,
            @Nullable Money platformFee,
            @Nullable String description,
            Instant occurredAt) {}

    record RemittanceResponse(
            PayoutResponse payout,
            List<LineResponse> lines,
            Money total,
            boolean balanced,
            Money difference,
            Instant builtAt) {

        static RemittanceResponse of(RemittanceView view) {
            return new RemittanceResponse(
                    PayoutResponse.of(view.payout()),
                    view.lines().stream()
                            .map(line -> new LineResponse(
                                    line.kind(),
                                    line.stripeType(),
                                    line.balanceTransactionId(),
                                    line.amount(),
                                    line.stripeFee(),
                                    line.net(),
                                    line.paymentRequestId().orElse(null),
                                    line.loadReference().orElse(null),
                                    line.invoiceAmount().orElse(null),
                                    line.platformFee().orElse(null),
                                    line.description().orElse(null),
                                    line.occurredAt()))
                            .toList(),
                    view.total(),
                    view.balanced(),
                    view.difference(),
                    view.builtAt());
        }
    }

    @GetMapping
    @Operation(summary = "List the carrier's payouts, newest first (scheduled and on demand)")
    List<PayoutResponse> list(
            @PathVariable UUID id,
            @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(200) int limit,
            Authentication caller) {
        Reach reach = access(id, caller);
        carrier(id, reach);
        return payouts.list(new TenantId(id), limit, reach).stream()
                .map(PayoutResponse::of)
                .toList();
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Pay out now",
            description = "Pays amount_minor (or, without it, everything available in the currency) from the carrier's"
                    + " Stripe balance to its bank account. 409 without a payout account or with nothing available;"
                    + " 422 when Stripe refuses (payouts not enabled, balance insufficient); 503 when Stripe's answer"
                    + " was lost: the payout is recorded and completes when Stripe reports it.")
    ResponseEntity<PayoutResponse> request(
            @PathVariable UUID id, @Valid @RequestBody PayoutRequest request, Authentication caller) {
        Reach reach = access(id, caller);
        carrier(id, reach);
        var view = payouts.request(
                new TenantId(id), Optional.ofNullable(request.amountMinor()), request.currency(), reach);
        return ResponseEntity.created(URI.create("/api/v1/carriers/" + id + "/payouts/" + view.id()))
                .body(PayoutResponse.of(view));
    }

    @GetMapping("/{payoutId}")
    @Operation(summary = "Read a payout: status, arrival date, failure reason")
    PayoutResponse get(@PathVariable UUID id, @PathVariable UUID payoutId, Authentication caller) {
        Reach reach = access(id, caller);
        carrier(id, reach);
        return payouts.find(new TenantId(id), new PayoutId(payoutId), reach)
                .map(PayoutResponse::of)
                .orElseThrow(() -> new NotFound("Payout " + payoutId));
    }

    @GetMapping("/{payoutId}/remittance")
    @Operation(
            summary = "The remittance of a paid payout as JSON",
            description = "One line per balance transaction the payout contains, with the payment request and load it"
                    + " came from, the invoice amount and the platform fee; whether the lines add up to the payout."
                    + " 409 while the payout is not paid.")
    RemittanceResponse remittance(@PathVariable UUID id, @PathVariable UUID payoutId, Authentication caller) {
        Reach reach = access(id, caller);
        carrier(id, reach);
        return RemittanceResponse.of(remittanceOf(id, payoutId, reach));
    }

    @GetMapping(value = "/{payoutId}/remittance.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The remittance of a paid payout as a PDF statement")
    ResponseEntity<byte[]> remittancePdf(@PathVariable UUID id, @PathVariable UUID payoutId, Authentication caller) {
        Reach reach = access(id, caller);
        OrganizationView carrier = carrier(id, reach);
        byte[] pdf;
        try {
            pdf = payouts.remittancePdf(new TenantId(id), carrier.legalName(), new PayoutId(payoutId), reach);
        } catch (PayoutNotFound e) {
            throw new NotFound("Payout " + payoutId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("remittance-" + payoutId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    private RemittanceView remittanceOf(UUID carrier, UUID payoutId, Reach reach) {
        try {
            return payouts.remittance(new TenantId(carrier), new PayoutId(payoutId), reach);
        } catch (PayoutNotFound e) {
            throw new NotFound("Payout " + payoutId);
        }
    }

    private static Reach access(UUID carrierId, Authentication authentication) {
        return CarrierAccess.reach(carrierId, authentication);
    }

    private OrganizationView carrier(UUID id, Reach reach) {
        return CarrierAccess.carrier(directory, id, reach);
    }
}
