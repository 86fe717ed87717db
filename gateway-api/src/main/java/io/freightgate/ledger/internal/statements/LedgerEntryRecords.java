package io.freightgate.ledger.internal.statements;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.JournalKind;
import io.freightgate.ledger.LedgerAccountKind;
import io.freightgate.ledger.LedgerBalanceView;
import io.freightgate.ledger.LedgerEntryView;
import io.freightgate.ledger.LedgerQuery;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads ledger entries and account balances, in the caller's transaction and scope. */
@Component
public class LedgerEntryRecords {

    private final JdbcTemplate jdbc;

    LedgerEntryRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Where a page ends: the last entry's {@code occurred_at} and id (entries are read in that order). Its external form
     * is opaque to callers (URL-safe base64 of {@code epochSecond.nano.id}).
     */
    public record Position(Instant occurredAt, long id) {

        public static Position of(LedgerEntryView entry) {
            return new Position(entry.occurredAt(), entry.id());
        }

        public String encode() {
            String raw = occurredAt.getEpochSecond() + "." + occurredAt.getNano() + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        /** The position a cursor names; {@link IllegalArgumentException} for anything else. */
        public static Position parse(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                String[] parts = raw.split("\\.");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("malformed");
                }
                return new Position(
                        Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The cursor is not one this API gave out");
            }
        }
    }

    /** At most {@code limit} entries of the query after {@code after}, in order of occurred_at, then id. */
    public List<LedgerEntryView> entries(LedgerQuery query, Optional<Position> after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, j.reference, j.kind AS journal_kind, e.occurred_at, e.kind, e.tenant_id, e.currency,
                       e.amount_minor, e.stripe_account, e.stripe_source, e.payment_request_id
                  FROM ledger_entries e JOIN ledger_journals j ON j.id = e.journal_id
                 WHERE e.occurred_at >= ? AND e.occurred_at < ?
                """);
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(query.from()));
        args.add(Timestamp.from(query.until()));
        query.organization().ifPresent(organization -> {
            sql.append(" AND e.tenant_id = ?");
            args.add(organization.value());
        });
        query.account().ifPresent(account -> {
            sql.append(" AND e.kind = ?");
            args.add(account.name());
        });
        after.ifPresent(position -> {
            sql.append(" AND (e.occurred_at, e.id) > (?, ?)");
            args.add(Timestamp.from(position.occurredAt()));
            args.add(position.id());
        });
        sql.append(" ORDER BY e.occurred_at, e.id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), LedgerEntryRecords::entry, args.toArray());
    }

    /** The balance of every account (of one organization), over the entries before {@code before} when given. */
    public List<LedgerBalanceView> balances(Optional<TenantId> organization, Optional<Instant> before) {
        StringBuilder sql = new StringBuilder("""
                SELECT a.kind, a.tenant_id, a.currency, coalesce(sum(e.amount_minor), 0) AS balance, count(e.id) AS entries
                  FROM ledger_accounts a
                  LEFT JOIN ledger_entries e ON e.account_id = a.id
                """);
        List<Object> args = new ArrayList<>();
        before.ifPresent(instant -> {
            sql.append(" AND e.occurred_at < ?");
            args.add(Timestamp.from(instant));
        });
        organization.ifPresent(tenant -> {
            sql.append(" WHERE a.tenant_id = ?");
            args.add(tenant.value());
        });
        sql.append(
                " GROUP BY a.id, a.kind, a.tenant_id, a.currency ORDER BY a.tenant_id NULLS FIRST, a.kind, a.currency");
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new LedgerBalanceView(
                        LedgerAccountKind.valueOf(rs.getString("kind")),
                        Optional.ofNullable(rs.getObject("tenant_id", UUID.class))
                                .map(TenantId::new),
                        Money.of(rs.getLong("balance"), rs.getString("currency").strip()),
                        rs.getLong("entries")),
                args.toArray());
    }

    private static LedgerEntryView entry(ResultSet rs, int n) throws SQLException {
        return new LedgerEntryView(
                rs.getLong("id"),
                rs.getString("reference"),
                JournalKind.valueOf(rs.getString("journal_kind")),
                rs.getTimestamp("occurred_at").toInstant(),
                LedgerAccountKind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getObject("tenant_id", UUID.class)).map(TenantId::new),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency").strip()),
                Optional.ofNullable(rs.getString("stripe_account")),
                Optional.ofNullable(rs.getString("stripe_source")),
                Optional.ofNullable(rs.getObject("payment_request_id", UUID.class))
                        .map(PaymentRequestId::new));
    }
}
