package io.freightgate.fraud.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Carriers' payout bank account changes ({@code fraud_payout_account_changes}); the caller's system transaction. */
@Component
public class CarrierPayoutRecords {

    private final JdbcClient jdbc;

    CarrierPayoutRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A change as recorded. */
    public record Change(String bankAccount, Instant changedAt) {}

    /** Records a change once per (carrier, bank account); the first sighting's time is kept. */
    public void record(UUID carrier, String bankAccount, Instant changedAt) {
        jdbc.sql("""
                INSERT INTO fraud_payout_account_changes (carrier_id, bank_account, changed_at)
                VALUES (:carrier, :account, :at) ON CONFLICT (carrier_id, bank_account) DO NOTHING
                """)
                .param("carrier", carrier)
                .param("account", bankAccount)
                .param("at", Timestamp.from(changedAt))
                .update();
    }

    /** The newest change in [{@code from}, {@code to}]. */
    public Optional<Change> newest(UUID carrier, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT bank_account, changed_at FROM fraud_payout_account_changes
                WHERE carrier_id = :carrier AND changed_at BETWEEN :from AND :to
                ORDER BY changed_at DESC LIMIT 1
                """)
                .param("carrier", carrier)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new Change(
                        rs.getString("bank_account"),
                        rs.getTimestamp("changed_at").toInstant()))
                .optional();
    }
}
