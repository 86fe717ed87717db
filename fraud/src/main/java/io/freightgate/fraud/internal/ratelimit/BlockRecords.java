package io.freightgate.fraud.internal.ratelimit;

import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.LimitKey;
import io.freightgate.platform.ratelimit.UserType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The PostgreSQL copy of the block list, for the audit. Expects the caller's transaction on the system path. */
@Component
public class BlockRecords {

    private final JdbcClient jdbc;

    BlockRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Why a key was blocked. */
    public enum Cause {
        LIMIT_HITS,
        FAILURES
    }

    /** A block as stored. */
    public record Block(
            UUID id,
            String action,
            LimitKey key,
            UserType userType,
            Cause cause,
            String reason,
            String blockedBy,
            Instant blockedAt,
            Instant until,
            Optional<Lift> lift) {

        public boolean inForce(Instant now) {
            return lift.isEmpty() && until.isAfter(now);
        }
    }

    /** Who lifted a block before its time, when and why. */
    public record Lift(Instant at, String by, String reason) {}

    public void add(Block block) {
        jdbc.sql("INSERT INTO fraud_blocks (id, action, kind, value, user_type, cause, reason, blocked_by, blocked_at,"
                        + " until) VALUES (:id, :action, :kind, :value, :userType, :cause, :reason, :by, :at, :until)")
                .param("id", block.id())
                .param("action", block.action())
                .param("kind", block.key().kind().name())
                .param("value", block.key().value())
                .param("userType", block.userType().name())
                .param("cause", block.cause().name())
                .param("reason", block.reason())
                .param("by", block.blockedBy())
                .param("at", Timestamp.from(block.blockedAt()))
                .param("until", Timestamp.from(block.until()))
                .update();
    }

    public Optional<Block> find(UUID id) {
        return jdbc.sql("SELECT * FROM fraud_blocks WHERE id = :id")
                .param("id", id)
                .query(BlockRecords::block)
                .optional();
    }

    /** Marks a block lifted unless it was lifted already; the block as it is now. */
    public Optional<Block> lift(UUID id, Lift lift) {
        return jdbc.sql("UPDATE fraud_blocks SET lifted_at = :at, lifted_by = :by, lift_reason = :reason"
                        + " WHERE id = :id AND lifted_at IS NULL RETURNING *")
                .param("id", id)
                .param("at", Timestamp.from(lift.at()))
                .param("by", lift.by())
                .param("reason", lift.reason())
                .query(BlockRecords::block)
                .optional();
    }

    /** The newest blocks, only those in force at {@code now} when asked. */
    public List<Block> newest(boolean inForceOnly, Instant now, int limit) {
        if (!inForceOnly) {
            return jdbc.sql("SELECT * FROM fraud_blocks ORDER BY blocked_at DESC, id LIMIT :limit")
                    .param("limit", limit)
                    .query(BlockRecords::block)
                    .list();
        }
        return jdbc.sql("SELECT * FROM fraud_blocks WHERE lifted_at IS NULL AND until > :now"
                        + " ORDER BY blocked_at DESC, id LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(BlockRecords::block)
                .list();
    }

    /** Blocks lifted before they ended: their live Redis keys must be gone (bounded; the oldest first). */
    public List<Block> liftedBeforeTheirEnd(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM fraud_blocks WHERE lifted_at IS NOT NULL AND until > :now"
                        + " ORDER BY lifted_at, id LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(BlockRecords::block)
                .list();
    }

    /** The latest end of a block in force for the action on one of the keys (when Redis cannot answer). */
    public Optional<Instant> inForceUntil(String action, List<LimitKey> keys, Instant now) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<String> matches = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            matches.add("(kind = :kind" + i + " AND value = :value" + i + ")");
            params.put("kind" + i, keys.get(i).kind().name());
            params.put("value" + i, keys.get(i).value());
        }
        params.put("action", action);
        params.put("now", Timestamp.from(now));
        return jdbc.sql("SELECT until FROM fraud_blocks WHERE action = :action AND (" + String.join(" OR ", matches)
                        + ") AND lifted_at IS NULL AND until > :now ORDER BY until DESC LIMIT 1")
                .params(params)
                .query((rs, row) -> rs.getTimestamp("until").toInstant())
                .optional();
    }

    private static Block block(ResultSet rs, int row) throws SQLException {
        Timestamp liftedAt = rs.getTimestamp("lifted_at");
        return new Block(
                rs.getObject("id", UUID.class),
                rs.getString("action"),
                new LimitKey(KeyKind.valueOf(rs.getString("kind")), rs.getString("value")),
                UserType.valueOf(rs.getString("user_type")),
                Cause.valueOf(rs.getString("cause")),
                rs.getString("reason"),
                rs.getString("blocked_by"),
                rs.getTimestamp("blocked_at").toInstant(),
                rs.getTimestamp("until").toInstant(),
                liftedAt == null
                        ? Optional.empty()
                        : Optional.of(new Lift(
                                liftedAt.toInstant(), rs.getString("lifted_by"), rs.getString("lift_reason"))));
    }
}
