package io.freightgate.ledger.internal.statements;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.JournalKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the journals of a period that moved a carrier's fee revenue account, with the load reference of their payment
 * request. Runs in the caller's transaction and scope: a carrier sees only its own entries (row-level security), platform
 * staff every carrier's through the system scope.
 */
@Component
public class FeeJournalRecords {

    private final JdbcTemplate jdbc;

    FeeJournalRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The journals with {@code from <= occurred_at < until} that have an entry on the carrier's fee revenue. */
    public List<FeeJournal> of(UUID carrier, Instant from, Instant until) {
        return jdbc.query(
                """
                SELECT j.reference, j.kind, j.currency, j.occurred_at, j.payment_request_id, pr.load_reference,
                       coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'PLATFORM_FEE_REVENUE'), 0) AS fee_revenue,
                       coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'CARRIER_PAYABLE'), 0) AS payable
                  FROM ledger_journals j
                  JOIN ledger_entries e ON e.journal_id = j.id AND e.tenant_id = ?
                  LEFT JOIN payment_requests pr ON pr.id = j.payment_request_id
                 WHERE j.occurred_at >= ? AND j.occurred_at < ?
                   AND EXISTS (SELECT 1 FROM ledger_entries f
                                WHERE f.journal_id = j.id AND f.tenant_id = ? AND f.kind = 'PLATFORM_FEE_REVENUE')
                 GROUP BY j.id, j.reference, j.kind, j.currency, j.occurred_at, j.payment_request_id, pr.load_reference
                 ORDER BY j.occurred_at, j.reference
                """,
                (rs, n) -> {
                    Currency currency =
                            Currency.getInstance(rs.getString("currency").strip());
                    return new FeeJournal(
                            rs.getString("reference"),
                            JournalKind.valueOf(rs.getString("kind")),
                            rs.getTimestamp("occurred_at").toInstant(),
                            Optional.ofNullable(rs.getObject("payment_request_id", UUID.class))
                                    .map(PaymentRequestId::new),
                            Optional.ofNullable(rs.getString("load_reference")),
                            new Money(rs.getLong("fee_revenue"), currency),
                            new Money(rs.getLong("payable"), currency));
                },
                carrier,
                Timestamp.from(from),
                Timestamp.from(until),
                carrier);
    }
}
