package io.freightgate.ledger;

import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.internal.statements.FeeJournalRecords;
import io.freightgate.ledger.internal.statements.FeeStatementLines;
import io.freightgate.ledger.internal.statements.FeeStatementPdf;
import io.freightgate.ledger.internal.statements.PlatformVatIdentity;
import io.freightgate.ledger.internal.statements.ReverseChargePolicy;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Carriers' monthly statements of the platform's fees, read from the ledger: what the platform charged on each payment
 * of the month and gave back (or took again) on refunds, totals per currency, and whether the reverse charge applies
 * (asked through {@link CarrierVatStatus}). A statement is made on demand from the append-only ledger, so the same
 * month reads the same once it is over; a month that has not ended yet gives a preliminary statement, a month that has
 * not begun none. A carrier reaches its own statements; platform staff every carrier's through the audited system path
 * ({@code Reach}).
 */
@Service
public class FeeStatements {

    private final FeeJournalRecords journals;
    private final CarrierVatStatus vatStatus;
    private final PlatformVatIdentity platform;
    private final FeeStatementPdf pdf;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final Clock clock;

    FeeStatements(
            FeeJournalRecords journals,
            CarrierVatStatus vatStatus,
            PlatformVatIdentity platform,
            FeeStatementPdf pdf,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            Clock clock) {
        this.journals = journals;
        this.vatStatus = vatStatus;
        this.platform = platform;
        this.pdf = pdf;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether a statement exists for the month: it has begun (UTC). */
    public boolean hasBegun(YearMonth month) {
        return !FeeStatementLines.start(month).isAfter(clock.instant());
    }

    /** The carrier's statement of {@code month}; fails with {@link IllegalArgumentException} for a future month. */
    public FeeStatementView statement(TenantId carrier, YearMonth month, Reach reach) {
        if (!hasBegun(month)) {
            throw new IllegalArgumentException("The month " + month + " has not begun");
        }
        Instant now = clock.instant();
        Instant from = FeeStatementLines.start(month);
        Instant until = FeeStatementLines.end(month);
        List<FeeStatementView.Line> lines = FeeStatementLines.lines(systemAccess.forOwner(
                reach,
                carrier,
                "read the fee statement " + month + " of " + carrier,
                () -> new IllegalArgumentException("A carrier reaches only its own payout account and payouts"),
                () -> transactions.execute(status -> journals.of(carrier.value(), from, until))));
        Optional<CarrierVatStatus.VatStanding> vat = vatStatus.of(carrier);
        return new FeeStatementView(
                carrier,
                month,
                from,
                until,
                !until.isAfter(now),
                now,
                new FeeStatementView.Platform(platform.legalName(), platform.vatCountry(), platform.vatNumber()),
                vat,
                ReverseChargePolicy.decide(vat, platform),
                lines,
                FeeStatementLines.totals(lines));
    }

    /** The statement as a PDF, naming the carrier as {@code carrierName}. */
    public byte[] pdf(TenantId carrier, String carrierName, YearMonth month, Reach reach) {
        return pdf.render(carrierName, statement(carrier, month, reach));
    }
}
