package io.freightgate.ledger;

import io.freightgate.kernel.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ledger entries to read: {@code from <= occurred_at < until}, optionally of one organization's accounts and of
 * one kind of account. Fails with {@link IllegalArgumentException} for an empty or reversed period or one longer than
 * {@link #LONGEST_PERIOD}. A value of its own (not nested in {@link LedgerReports}), so the ledger's internal records
 * read it without naming the facade that calls them.
 */
public record LedgerQuery(
        Instant from, Instant until, Optional<TenantId> organization, Optional<LedgerAccountKind> account) {

    /** The longest period one query covers. */
    public static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    public LedgerQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("The period must end after it begins");
        }
        if (Duration.between(from, until).compareTo(LONGEST_PERIOD) > 0) {
            throw new IllegalArgumentException("A period covers at most " + LONGEST_PERIOD.toDays() + " days");
        }
    }
}
