package io.freightgate.ledger.internal.reconciliation;

import io.freightgate.kernel.Money;
import io.freightgate.ledger.LedgerAccountKind;
import io.freightgate.ledger.ReconciliationView;
import io.freightgate.ledger.ReconciliationView.DifferenceKind;
import io.freightgate.ledger.ReconciliationView.Status;
import io.freightgate.ledger.ReconciliationView.Trigger;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reconciliation's rows ({@code reconciliation_runs}, {@code reconciliation_differences}) and its reads of the
 * ledger and of the carriers' connected accounts. Plain JDBC: runs are not business entities of their own (the
 * ledger is), and the differences are written once. Ledger and payout-account reads see every tenant's rows only in
 * the system scope, where the job runs.
 */
@Component
public class ReconciliationRecords {

    private final JdbcTemplate jdbc;

    ReconciliationRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void start(UUID id, LocalDate day, Trigger trigger, Instant startedAt) {
        jdbc.update(
                "INSERT INTO reconciliation_runs (id, day, status, trigger, started_at) VALUES (?, ?, 'RUNNING', ?, ?)",
                id,
                Date.valueOf(day),
                trigger.name(),
                Timestamp.from(startedAt));
    }

    /** Records the run's differences and marks it {@code COMPLETED}. */
    public void complete(
            UUID id,
            Instant finishedAt,
            int stripeAccounts,
            int balanceTransactions,
            int ledgerEntries,
            List<Difference> differences) {
        int seq = 0;
        for (Difference difference : differences) {
            jdbc.update(
                    "INSERT INTO reconciliation_differences (run_id, seq, kind, stripe_account, stripe_source, currency,"
                            + " stripe_net_minor, ledger_net_minor, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    ++seq,
                    difference.kind().name(),
                    difference.account().id().orElse(null),
                    difference.source(),
                    difference.currency(),
                    difference.stripeNetMinor(),
                    difference.ledgerNetMinor(),
                    difference.detail());
        }
        finish(id, Status.COMPLETED, finishedAt, stripeAccounts, balanceTransactions, ledgerEntries, seq, null);
    }

    /** Marks the run {@code FAILED}: it could not look, so it concludes nothing. */
    public void fail(UUID id, Instant finishedAt, String error) {
        jdbc.update(
                "UPDATE reconciliation_runs SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?",
                Timestamp.from(finishedAt),
                error.length() > 2000 ? error.substring(0, 2000) : error,
                id);
    }

    private void finish(
            UUID id,
            Status status,
            Instant finishedAt,
            int stripeAccounts,
            int balanceTransactions,
            int ledgerEntries,
            int differences,
            @Nullable String error) {
        jdbc.update(
                "UPDATE reconciliation_runs SET status = ?, finished_at = ?, stripe_accounts = ?,"
                        + " balance_transactions = ?, ledger_entries = ?, differences = ?, error = ? WHERE id = ?",
                status.name(),
                Timestamp.from(finishedAt),
                stripeAccounts,
                balanceTransactions,
                ledgerEntries,
                differences,
                error,
                id);
    }

    /** The carriers' connected accounts, in order. */
    public List<String> connectedAccounts() {
        return jdbc.queryForList(
                "SELECT stripe_account_id FROM payout_accounts WHERE stripe_account_id IS NOT NULL"
                        + " ORDER BY stripe_account_id",
                String.class);
    }

    /** Connected accounts the ledger's carrier balance entries of [{@code from}, {@code until}) name. */
    public List<String> ledgerAccountsBetween(Instant from, Instant until) {
        return jdbc.queryForList(
                "SELECT DISTINCT stripe_account FROM ledger_entries WHERE kind = ? AND stripe_account IS NOT NULL"
                        + " AND occurred_at >= ? AND occurred_at < ? ORDER BY stripe_account",
                String.class,
                LedgerAccountKind.CARRIER_STRIPE_BALANCE.name(),
                Timestamp.from(from),
                Timestamp.from(until));
    }

    /** The ledger's entries on the account's Stripe balance that occurred in [{@code from}, {@code until}). */
    public List<LedgerMovement> ledgerBetween(StripeAccount account, Instant from, Instant until) {
        return jdbc.query(
                "SELECT stripe_source, currency, amount_minor, occurred_at FROM ledger_entries WHERE "
                        + balanceOf(account) + " AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id",
                ReconciliationRecords::movement,
                parameters(account, Timestamp.from(from), Timestamp.from(until)));
    }

    /** Every ledger entry (of any day) on the account's Stripe balance that mirrors one of {@code sources}. */
    public List<LedgerMovement> ledgerOfSources(StripeAccount account, Collection<String> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT stripe_source, currency, amount_minor, occurred_at FROM ledger_entries WHERE "
                + balanceOf(account) + " AND stripe_source = ANY (?) ORDER BY occurred_at, id";
        return jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql);
                    int index = 1;
                    if (!account.isPlatform()) {
                        statement.setString(index++, account.id().orElseThrow());
                    }
                    statement.setArray(index, connection.createArrayOf("text", sources.toArray()));
                    return statement;
                },
                ReconciliationRecords::movement);
    }

    private static String balanceOf(StripeAccount account) {
        return account.isPlatform()
                ? "kind = 'PLATFORM_STRIPE_BALANCE' AND stripe_account IS NULL"
                : "kind = 'CARRIER_STRIPE_BALANCE' AND stripe_account = ?";
    }

    private static Object[] parameters(StripeAccount account, Object... rest) {
        if (account.isPlatform()) {
            return rest;
        }
        Object[] all = new Object[rest.length + 1];
        all[0] = account.id().orElseThrow();
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static LedgerMovement movement(ResultSet rs, int row) throws SQLException {
        return new LedgerMovement(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getTimestamp(4).toInstant());
    }

    /** Runs, newest first, without their differences. */
    public List<ReconciliationView> newestFirst(int limit) {
        return jdbc.query(
                "SELECT " + RUN_COLUMNS + " FROM reconciliation_runs ORDER BY started_at DESC, id LIMIT ?",
                (rs, row) -> run(rs, List.of()),
                limit);
    }

    /** One run with its differences. */
    public Optional<ReconciliationView> find(UUID id) {
        List<ReconciliationView.Difference> differences = jdbc.query(
                "SELECT seq, kind, stripe_account, stripe_source, currency, stripe_net_minor, ledger_net_minor, detail"
                        + " FROM reconciliation_differences WHERE run_id = ? ORDER BY seq",
                (rs, row) -> new ReconciliationView.Difference(
                        rs.getInt(1),
                        DifferenceKind.valueOf(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)),
                        rs.getString(4),
                        Money.of(rs.getLong(6), rs.getString(5)),
                        Money.of(rs.getLong(7), rs.getString(5)),
                        rs.getString(8)),
                id);
        return jdbc
                .query(
                        "SELECT " + RUN_COLUMNS + " FROM reconciliation_runs WHERE id = ?",
                        (rs, row) -> run(rs, differences),
                        id)
                .stream()
                .findFirst();
    }

    /** The differences the newest completed run found, if any run completed. */
    public Optional<Integer> lastCompletedDifferences() {
        return jdbc
                .queryForList(
                        "SELECT differences FROM reconciliation_runs WHERE status = 'COMPLETED'"
                                + " ORDER BY finished_at DESC LIMIT 1",
                        Integer.class)
                .stream()
                .findFirst();
    }

    private static final String RUN_COLUMNS = "id, day, status, trigger, started_at, finished_at, stripe_accounts,"
            + " balance_transactions, ledger_entries, differences, error";

    private static ReconciliationView run(ResultSet rs, List<ReconciliationView.Difference> differences)
            throws SQLException {
        Timestamp finished = rs.getTimestamp(6);
        return new ReconciliationView(
                rs.getObject(1, UUID.class),
                rs.getDate(2).toLocalDate(),
                Status.valueOf(rs.getString(3)),
                Trigger.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getInt(10),
                Optional.ofNullable(rs.getString(11)),
                differences);
    }
}
