package io.freightgate.api;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.FeeStatementView;
import io.freightgate.ledger.FeeStatementView.VatTreatment;
import io.freightgate.ledger.FeeStatements;
import io.freightgate.ledger.JournalKind;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/carriers/{id}/fee-statements/{month}}: a carrier's monthly statement of the platform's fees as JSON,
 * or as a PDF ({@code .pdf}, or {@code Accept: application/pdf}). The carrier's admins and finance staff read their
 * own; platform admins and finance staff every carrier's (audited). Anyone else, or a carrier asking for another's,
 * gets 404.
 */
@RestController
@RequestMapping("/api/v1/carriers/{id}/fee-statements")
@Tag(name = "Fee statements", description = "Carriers' monthly statements of the platform's fees")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR')")
class FeeStatementsController {

    private final FeeStatements statements;
    private final OrganizationDirectory directory;

    FeeStatementsController(FeeStatements statements, OrganizationDirectory directory) {
        this.statements = statements;
        this.directory = directory;
    }

    record PlatformResponse(String legalName, String vatCountry, String vatNumber) {}

    record CarrierVatResponse(String vatNumber, String memberState, boolean viesValid) {}

    /**
     * {@code reverse_charge} with {@code note} and both VAT numbers, or {@code reason} why not (NO_VAT_NUMBER,
     * NOT_CONFIRMED_BY_VIES, SAME_MEMBER_STATE, NOT_AN_EU_MEMBER_STATE).
     */
    record VatResponse(
            boolean reverseCharge,
            @Nullable String note,
            @Nullable String carrierVatNumber,
            @Nullable String carrierMemberState,
            @Nullable String platformVatNumber,
            @Nullable String platformMemberState,
            @Nullable String reason) {

        static VatResponse of(VatTreatment treatment) {
            return switch (treatment) {
                case VatTreatment.ReverseCharge reverse ->
                    new VatResponse(
                            true,
                            reverse.note(),
                            reverse.carrierVatNumber(),
                            reverse.carrierMemberState(),
                            reverse.platformVatNumber(),
                            reverse.platformMemberState(),
                            null);
                case VatTreatment.NoReverseCharge none ->
                    new VatResponse(
                            false, null, null, null, null, null, none.reason().name());
            };
        }
    }

    record LineResponse(
            Instant occurredAt,
            JournalKind kind,
            String journalReference,
            @Nullable UUID paymentRequestId,
            @Nullable String loadReference,
            Money gross,
            Money fee) {}

    record TotalResponse(
            String currency, int lines, Money gross, Money feesCharged, Money feesReturned, Money netFees) {}

    record StatementResponse(
            UUID carrierId,
            String carrierName,
            String month,
            Instant from,
            Instant until,
            boolean complete,
            Instant generatedAt,
            PlatformResponse platform,
            @Nullable CarrierVatResponse carrierVat,
            VatResponse vat,
            List<LineResponse> lines,
            List<TotalResponse> totals) {

        static StatementResponse of(OrganizationView carrier, FeeStatementView view) {
            return new StatementResponse(
                    view.carrier().value(),
                    carrier.legalName(),
                    view.month().toString(),
                    view.from(),
                    view.until(),
                    view.complete(),
                    view.generatedAt(),
                    new PlatformResponse(
                            view.platform().legalName(),
                            view.platform().vatCountry(),
                            view.platform().vatNumber()),
                    view.carrierVat()
                            .map(vat -> new CarrierVatResponse(vat.vatNumber(), vat.memberState(), vat.viesValid()))
                            .orElse(null),
                    VatResponse.of(view.vat()),
                    view.lines().stream()
                            .map(line -> new LineResponse(
                                    line.occurredAt(),
                                    line.kind(),
                                    line.journalReference(),
                                    line.paymentRequestId().orElse(null),
                                    line.loadReference().orElse(null),
                                    line.gross(),
                                    line.fee()))
                            .toList(),
                    view.totals().stream()
                            .map(total -> new TotalResponse(
                                    total.currency().getCurrencyCode(),
                                    total.lines(),
                                    total.gross(),
                                    total.feesCharged(),
                                    total.feesReturned(),
                                    total.netFees()))
                            .toList());
        }
    }

    @GetMapping("/{month}")
    @Operation(
            summary = "The carrier's fee statement of a month (YYYY-MM, UTC) as JSON",
            description = "One line per ledger journal of the month that moved the carrier's platform fee revenue"
                    + " (PAYMENT: fee charged; REFUND: fee given back; REFUND_FAILURE: taken again), totals per"
                    + " currency, and whether the reverse charge applies. complete=false while the month runs."
                    + " 400 period-invalid for a malformed month or one that has not begun. Also as PDF: {month}.pdf"
                    + " or Accept: application/pdf.")
    StatementResponse statement(@PathVariable UUID id, @PathVariable String month, Authentication caller) {
        Reach reach = CarrierAccess.reach(id, caller);
        OrganizationView carrier = CarrierAccess.carrier(directory, id, reach);
        return StatementResponse.of(carrier, statements.statement(new TenantId(id), month(month), reach));
    }

    @GetMapping(
            value = {"/{month}", "/{month}.pdf"},
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The carrier's fee statement of a month as a PDF ({month}.pdf, or Accept: application/pdf)")
    ResponseEntity<byte[]> statementPdf(@PathVariable UUID id, @PathVariable String month, Authentication caller) {
        return pdf(id, month, caller);
    }

    private ResponseEntity<byte[]> pdf(UUID id, String month, Authentication caller) {
        Reach reach = CarrierAccess.reach(id, caller);
        OrganizationView carrier = CarrierAccess.carrier(directory, id, reach);
        YearMonth period = month(month);
        byte[] pdf = statements.pdf(new TenantId(id), carrier.legalName(), period, reach);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("fee-statement-" + period + "-" + id + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    private YearMonth month(String text) {
        YearMonth month;
        try {
            if (!text.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", text, 0);
            }
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.PERIOD_INVALID, "The month must be written YYYY-MM, e.g. 2026-11.");
        }
        if (!statements.hasBegun(month)) {
            throw new ProblemException(
                    ProblemType.PERIOD_INVALID, "The month " + month + " has not begun; no statement exists yet.");
        }
        return month;
    }
}
