package io.freightgate.ledger;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;

/**
 * The balance of one ledger account (kind, organization or the platform, currency): the sum of its entries, debit
 * positive. A credit-normal account ({@link LedgerAccountKind#debitNormal()} false) is healthy when negative.
 */
public record LedgerBalanceView(
        LedgerAccountKind account, java.util.Optional<TenantId> organization, Money balance, long entries) {}
