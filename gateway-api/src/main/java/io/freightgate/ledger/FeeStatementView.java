package io.freightgate.ledger;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A carrier's monthly statement of the platform's fees: every ledger journal of the month (UTC, by the journal's
 * {@code occurred_at}) that moved the carrier's {@link LedgerAccountKind#PLATFORM_FEE_REVENUE} account, and the totals
 * per currency. One statement covers every currency the carrier billed in; amounts are never added across currencies.
 * No VAT is computed: the statement says only whether the reverse charge applies ({@link VatTreatment}).
 *
 * @param from the first instant of the month (UTC), inclusive
 * @param until the first instant of the next month (UTC), exclusive
 * @param complete whether the month was over when the statement was made (a current month's statement is preliminary)
 * @param carrierVat what KYC knows of the carrier's VAT number, if anything
 */
public record FeeStatementView(
        TenantId carrier,
        YearMonth month,
        Instant from,
        Instant until,
        boolean complete,
        Instant generatedAt,
        Platform platform,
        Optional<CarrierVatStatus.VatStanding> carrierVat,
        VatTreatment vat,
        List<Line> lines,
        List<Total> totals) {

    public FeeStatementView {
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
    }

    /** The platform that charges the fees, as configured ({@code freightgate.platform.*}). */
    public record Platform(String legalName, String vatCountry, String vatNumber) {}

    /**
     * One journal: {@code gross} is what the journal moved between the shipper and the platform for this carrier (the
     * amount paid on a {@code PAYMENT}, minus the amount refunded on a {@code REFUND}, plus it again on a
     * {@code REFUND_FAILURE}); {@code fee} is the platform's fee it charged (positive) or gave back (negative).
     */
    public record Line(
            Instant occurredAt,
            JournalKind kind,
            String journalReference,
            Optional<PaymentRequestId> paymentRequestId,
            Optional<String> loadReference,
            Money gross,
            Money fee) {}

    /**
     * The month's totals in one currency: fees charged (positive lines), fees given back (negative lines, as a negative
     * amount) and the net fee the platform earned.
     */
    public record Total(
            Currency currency, int lines, Money gross, Money feesCharged, Money feesReturned, Money netFees) {}

    /** Whether the reverse charge applies to the statement's fees. */
    public sealed interface VatTreatment {

        /** The note every reverse-charged statement carries. */
        String REVERSE_CHARGE_NOTE =
                "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)";

        /** The carrier's VIES-valid number is of another member state than the platform's: the carrier accounts VAT. */
        record ReverseCharge(
                String note,
                String carrierVatNumber,
                String carrierMemberState,
                String platformVatNumber,
                String platformMemberState)
                implements VatTreatment {}

        /** No reverse-charge note, and why. */
        record NoReverseCharge(Reason reason) implements VatTreatment {}

        enum Reason {
            /** KYC knows no VAT number for the carrier. */
            NO_VAT_NUMBER,
            /** VIES has not confirmed the number (invalid, no answer yet, not asked). */
            NOT_CONFIRMED_BY_VIES,
            /** The carrier's number is of the platform's own member state. */
            SAME_MEMBER_STATE,
            /** The number is not of an EU member state for services ({@code XI}: Northern Ireland, goods only). */
            NOT_AN_EU_MEMBER_STATE
        }
    }
}
