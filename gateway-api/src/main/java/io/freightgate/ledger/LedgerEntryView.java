package io.freightgate.ledger;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * One ledger entry with its journal: the account (kind and organization, none for the platform's own), the amount
 * (debit positive, credit negative) and, on Stripe balance accounts, the Stripe account and object it mirrors.
 */
public record LedgerEntryView(
        long id,
        String journalReference,
        JournalKind journalKind,
        Instant occurredAt,
        LedgerAccountKind account,
        Optional<TenantId> organization,
        Money amount,
        Optional<String> stripeAccount,
        Optional<String> stripeSource,
        Optional<PaymentRequestId> paymentRequestId) {}
