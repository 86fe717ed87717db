package io.freightgate.payouts.internal;

import io.freightgate.kernel.Money;
import io.freightgate.payouts.PayoutId;
import io.freightgate.payouts.internal.domain.PayoutState;
import io.freightgate.payouts.internal.domain.Remittances;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Payouts and remittance lines in PostgreSQL ({@code payouts}, {@code remittance_lines}). Runs in the caller's
 * transaction and tenant scope; row-level security keeps a carrier to its own rows.
 */
@Repository
public class PayoutRecords {

    private final JdbcTemplate jdbc;

    PayoutRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A payout row. */
    public record Payout(
            PayoutId id,
            UUID tenantId,
            String stripeAccountId,
            Optional<String> stripePayoutId,
            Optional<String> idempotencyKey,
            boolean automatic,
            Money amount,
            PayoutState state,
            Optional<LocalDate> arrivalDate,
            Optional<String> failureCode,
            Optional<String> failureMessage,
            Optional<Instant> stripeCreatedAt,
            Optional<Instant> remittanceBuiltAt,
            Instant createdAt,
            Instant updatedAt) {}

    /** A remittance line row. */
    public record Line(
            UUID id,
            PayoutId payoutId,
            String balanceTransactionId,
            Remittances.Kind kind,
            String stripeType,
            long amountMinor,
            long feeMinor,
            long netMinor,
            String currency,
            Optional<UUID> paymentRequestId,
            Optional<String> loadReference,
            Optional<Long> invoiceAmountMinor,
            Optional<String> transferId,
            Optional<String> sourceId,
            Optional<String> description,
            Instant occurredAt) {}

    private static final String COLUMNS =
            "id, tenant_id, stripe_account_id, stripe_payout_id, idempotency_key, automatic,"
                    + " amount_minor, currency, status, arrival_date, failure_code, failure_message, stripe_created_at,"
                    + " remittance_built_at, created_at, updated_at";

    public void insert(Payout payout, Optional<String> requestedBy) {
        jdbc.update(
                "INSERT INTO payouts (" + COLUMNS + ", requested_by, state_observed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                payout.id().value(),
                payout.tenantId(),
                payout.stripeAccountId(),
                payout.stripePayoutId().orElse(null),
                payout.idempotencyKey().orElse(null),
                payout.automatic(),
                payout.amount().minor(),
                payout.amount().currency().getCurrencyCode(),
                payout.state().name(),
                payout.arrivalDate().map(Date::valueOf).orElse(null),
                payout.failureCode().orElse(null),
                payout.failureMessage().orElse(null),
                payout.stripeCreatedAt().map(Timestamp::from).orElse(null),
                null,
                Timestamp.from(payout.createdAt()),
                Timestamp.from(payout.updatedAt()),
                requestedBy.orElse(null),
                payout.stripePayoutId().isPresent() ? Timestamp.from(payout.updatedAt()) : null);
    }

    /** Records Stripe's view of the payout (id, amount, state, arrival, failure). */
    public void update(Payout payout) {
        jdbc.update(
                "UPDATE payouts SET stripe_payout_id = ?, amount_minor = ?, status = ?, arrival_date = ?,"
                        + " failure_code = ?, failure_message = ?, stripe_created_at = ?, state_observed_at = ?,"
                        + " updated_at = ? WHERE id = ?",
                payout.stripePayoutId().orElse(null),
                payout.amount().minor(),
                payout.state().name(),
                payout.arrivalDate().map(Date::valueOf).orElse(null),
                payout.failureCode().orElse(null),
                payout.failureMessage().orElse(null),
                payout.stripeCreatedAt().map(Timestamp::from).orElse(null),
                Timestamp.from(payout.updatedAt()),
                Timestamp.from(payout.updatedAt()),
                payout.id().value());
    }

    /** Locks and reads the payout (for an update in this transaction). */
    public Optional<Payout> lock(PayoutId id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM payouts WHERE id = ? FOR UPDATE", PayoutRecords::payout, id.value())
                .stream()
                .findFirst();
    }

    public Optional<Payout> find(PayoutId id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM payouts WHERE id = ?", PayoutRecords::payout, id.value())
                .stream()
                .findFirst();
    }

    public Optional<Payout> lockByStripeId(String stripePayoutId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM payouts WHERE stripe_payout_id = ? FOR UPDATE",
                        PayoutRecords::payout,
                        stripePayoutId)
                .stream()
                .findFirst();
    }

    public List<Payout> newestFirst(UUID tenantId, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM payouts WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT ?",
                PayoutRecords::payout,
                tenantId,
                limit);
    }

    /** The on-demand payout's Stripe call ({@code stripe_calls}), recorded in the transaction of its intent. */
    public void callIs(PayoutId payoutId, UUID callId) {
        jdbc.update("UPDATE payouts SET call_id = ? WHERE id = ?", callId, payoutId.value());
    }

    /** The on-demand payout's Stripe call, if it has one. */
    public Optional<UUID> callOf(PayoutId payoutId) {
        return jdbc
                .queryForList(
                        "SELECT call_id FROM payouts WHERE id = ? AND call_id IS NOT NULL",
                        UUID.class,
                        payoutId.value())
                .stream()
                .findFirst();
    }

    public void remittanceBuilt(PayoutId payoutId, Instant at) {
        jdbc.update(
                "UPDATE payouts SET remittance_built_at = ? WHERE id = ? AND remittance_built_at IS NULL",
                Timestamp.from(at),
                payoutId.value());
    }

    /** The balance transactions of the account that some remittance holds already. */
    public Set<String> remittedTransactions(String stripeAccountId) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT balance_transaction_id FROM remittance_lines WHERE stripe_account_id = ?",
                String.class,
                stripeAccountId));
    }

    public void insertLine(UUID tenantId, String stripeAccountId, Line line) {
        jdbc.update(
                "INSERT INTO remittance_lines (id, payout_id, tenant_id, stripe_account_id, balance_transaction_id,"
                        + " kind, stripe_type, amount_minor, fee_minor, net_minor, currency, payment_request_id,"
                        + " load_reference, invoice_amount_minor, transfer_id, source_id, description, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                line.id(),
                line.payoutId().value(),
                tenantId,
                stripeAccountId,
                line.balanceTransactionId(),
                line.kind().name(),
                line.stripeType(),
                line.amountMinor(),
                line.feeMinor(),
                line.netMinor(),
                line.currency(),
                line.paymentRequestId().orElse(null),
                line.loadReference().orElse(null),
                line.invoiceAmountMinor().orElse(null),
                line.transferId().orElse(null),
                line.sourceId().orElse(null),
                line.description().orElse(null),
                Timestamp.from(line.occurredAt()));
    }

    public List<Line> lines(PayoutId payoutId) {
        return jdbc.query(
                "SELECT id, payout_id, balance_transaction_id, kind, stripe_type, amount_minor, fee_minor, net_minor,"
                        + " currency, payment_request_id, load_reference, invoice_amount_minor, transfer_id,"
                        + " source_id, description, occurred_at FROM remittance_lines WHERE payout_id = ?"
                        + " ORDER BY occurred_at, balance_transaction_id",
                (rs, n) -> new Line(
                        rs.getObject("id", UUID.class),
                        new PayoutId(rs.getObject("payout_id", UUID.class)),
                        rs.getString("balance_transaction_id"),
                        Remittances.Kind.valueOf(rs.getString("kind")),
                        rs.getString("stripe_type"),
                        rs.getLong("amount_minor"),
                        rs.getLong("fee_minor"),
                        rs.getLong("net_minor"),
                        rs.getString("currency"),
                        Optional.ofNullable(rs.getObject("payment_request_id", UUID.class)),
                        Optional.ofNullable(rs.getString("load_reference")),
                        Optional.ofNullable((Long) rs.getObject("invoice_amount_minor", Long.class)),
                        Optional.ofNullable(rs.getString("transfer_id")),
                        Optional.ofNullable(rs.getString("source_id")),
                        Optional.ofNullable(rs.getString("description")),
                        rs.getTimestamp("occurred_at").toInstant()),
                payoutId.value());
    }

    private static Payout payout(ResultSet rs, int row) throws SQLException {
        Date arrival = rs.getDate("arrival_date");
        Timestamp stripeCreated = rs.getTimestamp("stripe_created_at");
        Timestamp built = rs.getTimestamp("remittance_built_at");
        return new Payout(
                new PayoutId(rs.getObject("id", UUID.class)),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("stripe_account_id"),
                Optional.ofNullable(rs.getString("stripe_payout_id")),
                Optional.ofNullable(rs.getString("idempotency_key")),
                rs.getBoolean("automatic"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                PayoutState.valueOf(rs.getString("status")),
                Optional.ofNullable(arrival).map(Date::toLocalDate),
                Optional.ofNullable(rs.getString("failure_code")),
                Optional.ofNullable(rs.getString("failure_message")),
                Optional.ofNullable(stripeCreated).map(Timestamp::toInstant),
                Optional.ofNullable(built).map(Timestamp::toInstant),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
