package io.freightgate.ledger.internal.statements;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.JournalKind;
import java.time.Instant;
import java.util.Optional;

/**
 * One ledger journal that moved a carrier's fee revenue account, as the statement reads it: the sums of its entries on
 * the carrier's {@code PLATFORM_FEE_REVENUE} and {@code CARRIER_PAYABLE} accounts (debit positive, credit negative).
 */
public record FeeJournal(
        String reference,
        JournalKind kind,
        Instant occurredAt,
        Optional<PaymentRequestId> paymentRequestId,
        Optional<String> loadReference,
        Money feeRevenue,
        Money carrierPayable) {}
