package io.freightgate.ledger.internal;

import io.freightgate.ledger.LedgerAccountKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes journals. {@link #post} runs inside the caller's transaction (the one that changes the state the journal
 * records) and in the system scope (the ledger's rows are written only there); the database checks again at commit
 * that each journal balances, and refuses any update or delete.
 */
@Component
public class Ledger {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Ledger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Posts the journal; {@code false} when a journal with its reference was posted before (nothing written). */
    public boolean post(Journal journal) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A ledger journal is posted in the transaction of the change it records");
        }
        UUID journalId = UUID.randomUUID();
        int inserted = jdbc.update(
                "INSERT INTO ledger_journals (id, reference, kind, currency, occurred_at, recorded_at, tenant_id,"
                        + " payment_request_id, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (reference) DO NOTHING",
                journalId,
                journal.reference(),
                journal.kind().name(),
                journal.currency().getCurrencyCode(),
                Timestamp.from(journal.occurredAt()),
                Timestamp.from(clock.instant()),
                journal.tenant().orElse(null),
                journal.paymentRequestId().orElse(null),
                journal.description());
        if (inserted == 0) {
            return false;
        }
        String currency = journal.currency().getCurrencyCode();
        for (Journal.Line line : journal.lines()) {
            jdbc.update(
                    "INSERT INTO ledger_entries (journal_id, account_id, tenant_id, kind, currency, amount_minor,"
                            + " occurred_at, payment_request_id, stripe_account, stripe_source)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    journalId,
                    account(line.organization(), currency, line.account()),
                    line.organization().orElse(null),
                    line.account().name(),
                    currency,
                    line.amountMinor(),
                    Timestamp.from(journal.occurredAt()),
                    journal.paymentRequestId().orElse(null),
                    line.stripeAccount().orElse(null),
                    line.stripeSource().orElse(null));
        }
        return true;
    }

    /** Whether a journal with this reference exists. */
    public boolean posted(String reference) {
        return !jdbc.queryForList("SELECT 1 FROM ledger_journals WHERE reference = ?", Integer.class, reference)
                .isEmpty();
    }

    /** The lines of a posted journal, to mirror it (a refund that failed after it succeeded). */
    public List<Journal.Line> linesOf(String reference) {
        return jdbc.query(
                "SELECT e.kind, e.tenant_id, e.amount_minor, e.stripe_account, e.stripe_source FROM ledger_entries e"
                        + " JOIN ledger_journals j ON j.id = e.journal_id WHERE j.reference = ? ORDER BY e.id",
                (rs, n) -> new Journal.Line(
                        LedgerAccountKind.valueOf(rs.getString(1)),
                        Optional.ofNullable(rs.getObject(2, UUID.class)),
                        rs.getLong(3),
                        Optional.ofNullable(rs.getString(4)),
                        Optional.ofNullable(rs.getString(5))),
                reference);
    }

    /** The balance of one kind of account over the entries of one payment request. */
    public long balanceOfRequest(UUID paymentRequestId, LedgerAccountKind account) {
        Long balance = jdbc.queryForObject(
                "SELECT coalesce(sum(amount_minor), 0) FROM ledger_entries WHERE payment_request_id = ? AND kind = ?",
                Long.class,
                paymentRequestId,
                account.name());
        return Objects.requireNonNull(balance, "coalesce(sum, 0) is never null");
    }

    private UUID account(Optional<UUID> organization, String currency, LedgerAccountKind kind) {
        jdbc.update(
                "INSERT INTO ledger_accounts (id, tenant_id, currency, kind, created_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT ledger_accounts_identity DO NOTHING",
                UUID.randomUUID(),
                organization.orElse(null),
                currency,
                kind.name(),
                Timestamp.from(clock.instant()));
        return Objects.requireNonNull(
                jdbc.queryForObject(
                        "SELECT id FROM ledger_accounts WHERE tenant_id IS NOT DISTINCT FROM ? AND currency = ? AND kind = ?",
                        UUID.class,
                        organization.orElse(null),
                        currency,
                        kind.name()),
                "the account exists: inserted just above or before");
    }
}
