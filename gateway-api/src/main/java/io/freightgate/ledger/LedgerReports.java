package io.freightgate.ledger;

import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.internal.statements.LedgerEntryRecords;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What finance reads out of the ledger: its entries over a period (by {@code occurred_at}), page by page or all at once
 * for an export, and the balances of its accounts. Every read is platform staff's, across tenants through the audited
 * system path; the caller (the REST edge) admits only the platform's finance roles.
 */
@Service
public class LedgerReports {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("LedgerReports on its own authority");

    /** The longest period one query covers. */
    public static final Duration LONGEST_PERIOD = LedgerQuery.LONGEST_PERIOD;

    /** The most entries in one page. */
    public static final int LARGEST_PAGE = 1000;

    private static final int EXPORT_CHUNK = 1000;

    private final LedgerEntryRecords records;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;

    LedgerReports(LedgerEntryRecords records, SystemAccess systemAccess, TransactionOperations transactions) {
        this.records = records;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
    }

    /** A page of entries in order of {@code occurred_at}, then entry id; {@code next} continues after the last one. */
    public record Page(List<LedgerEntryView> entries, Optional<String> next) {}

    /**
     * One page of at most {@code limit} entries, after the entry named by the cursor {@code after} (from an earlier
     * page's {@code next}); a malformed cursor fails with {@link IllegalArgumentException}.
     */
    public Page entries(LedgerQuery query, Optional<String> after, int limit) {
        if (limit < 1 || limit > LARGEST_PAGE) {
            throw new IllegalArgumentException("A page holds 1 to " + LARGEST_PAGE + " entries");
        }
        Optional<LedgerEntryRecords.Position> position = after.map(LedgerEntryRecords.Position::parse);
        List<LedgerEntryView> entries = systemAccess.transaction(
                ACROSS_TENANTS,
                "read ledger entries " + describe(query),
                () -> records.entries(query, position, limit + 1));
        boolean more = entries.size() > limit;
        List<LedgerEntryView> page = more ? entries.subList(0, limit) : entries;
        return new Page(
                List.copyOf(page),
                more
                        ? Optional.of(
                                LedgerEntryRecords.Position.of(page.getLast()).encode())
                        : Optional.empty());
    }

    /**
     * Every entry the query selects, handed to {@code sink} in chunks in order, each chunk read in its own short
     * transaction (so a slow reader holds no transaction open); one audit record for the whole export.
     */
    public void export(LedgerQuery query, Consumer<List<LedgerEntryView>> sink) {
        systemAccess.run("export ledger entries " + describe(query), () -> {
            Optional<LedgerEntryRecords.Position> position = Optional.empty();
            while (true) {
                Optional<LedgerEntryRecords.Position> from = position;
                List<LedgerEntryView> chunk =
                        transactions.execute(status -> records.entries(query, from, EXPORT_CHUNK));
                if (chunk == null || chunk.isEmpty()) {
                    return;
                }
                sink.accept(chunk);
                if (chunk.size() < EXPORT_CHUNK) {
                    return;
                }
                position = Optional.of(LedgerEntryRecords.Position.of(chunk.getLast()));
            }
        });
    }

    /**
     * The balance of every account (of one organization when given), counting the entries that occurred before
     * {@code before} when given.
     */
    public List<LedgerBalanceView> balances(Optional<TenantId> organization, Optional<Instant> before) {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "read ledger balances" + organization.map(o -> " of " + o).orElse(""),
                () -> records.balances(organization, before));
    }

    private static String describe(LedgerQuery query) {
        return query.from() + ".." + query.until()
                + query.organization().map(o -> " of " + o).orElse("")
                + query.account().map(a -> " on " + a).orElse("");
    }
}
