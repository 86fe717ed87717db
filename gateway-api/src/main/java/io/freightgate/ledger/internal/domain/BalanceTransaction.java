package io.freightgate.ledger.internal.domain;

import java.time.Instant;

/**
 * One of Stripe's balance transactions as the reconciliation sees it: the object that caused it ({@code source}; a
 * transaction without one, such as a Stripe fee of its own, is its own source), Stripe's {@code type} and
 * {@code reporting_category}, gross, fee and net in minor units of {@code currency} (upper case), and when Stripe
 * created it.
 */
public record BalanceTransaction(
        String id,
        String source,
        String type,
        String reportingCategory,
        long amountMinor,
        long feeMinor,
        long netMinor,
        String currency,
        Instant created) {}
