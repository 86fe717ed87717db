package io.freightgate.fraud.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which values are on the block, watch and trust lists now. Expects the caller's transaction on the system path. */
@Component
public class ListEntries {

    /** A list. */
    public enum ListName {
        BLOCK,
        WATCH,
        TRUST
    }

    /** What a list entry names. */
    public enum Kind {
        CARD,
        IP,
        DEVICE,
        PAY_LINK,
        SHIPPER;

        /**
         * The one spelling of a value that lists, snoozes and screening compare: an IP address as Java writes it (an
         * IPv6 address in full, lower case, without zero compression; an IPv4-mapped IPv6 address as the IPv4
         * address), so {@code 2001:DB8::1} and {@code 2001:db8:0:0:0:0:0:1} are one entry; anything else stripped.
         */
        public String canonical(String value) {
            String v = value.strip();
            if (this == IP) {
                try {
                    return java.net.InetAddress.ofLiteral(v).getHostAddress();
                } catch (IllegalArgumentException notAnAddress) {
                    return v;
                }
            }
            return v;
        }
    }

    private final JdbcClient jdbc;

    ListEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry as stored. */
    public record Entry(
            UUID id,
            ListName list,
            Kind kind,
            String value,
            String reason,
            String createdBy,
            Instant createdAt,
            Optional<Instant> expiresAt) {}

    /** Adds an entry; false when the value is on that list already. */
    public boolean add(Entry entry) {
        return jdbc.sql(
                                "INSERT INTO fraud_list_entries (id, list, kind, value, reason, created_by, created_at, expires_at)"
                                        + " VALUES (:id, :list, :kind, :value, :reason, :by, :at, :expires)"
                                        + " ON CONFLICT (list, kind, value) DO NOTHING")
                        .param("id", entry.id())
                        .param("list", entry.list().name())
                        .param("kind", entry.kind().name())
                        .param("value", entry.value())
                        .param("reason", entry.reason())
                        .param("by", entry.createdBy())
                        .param("at", Timestamp.from(entry.createdAt()))
                        .param("expires", entry.expiresAt().map(Timestamp::from).orElse(null))
                        .update()
                == 1;
    }

    /** Removes an entry and answers it; empty when there was none. */
    public Optional<Entry> remove(UUID id) {
        return jdbc.sql("DELETE FROM fraud_list_entries WHERE id = :id RETURNING *")
                .param("id", id)
                .query(ListEntries::entry)
                .optional();
    }

    /** The entries of every list, newest first, expired ones included (they say until when). */
    public List<Entry> all(int limit) {
        return jdbc.sql("SELECT * FROM fraud_list_entries ORDER BY created_at DESC, id LIMIT :limit")
                .param("limit", limit)
                .query(ListEntries::entry)
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Entry(
                rs.getObject("id", UUID.class),
                ListName.valueOf(rs.getString("list")),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("value"),
                rs.getString("reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(expires).map(Timestamp::toInstant));
    }

    /** A list a value stands on. */
    public record Listed(ListName list, Kind kind) {}

    /** Which lists the payment's values stand on now (at most one value per kind), in one query. */
    public Set<Listed> listed(Map<Kind, String> values, Instant now) {
        if (values.isEmpty()) {
            return Set.of();
        }
        List<String> matches = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<Kind, String> value : values.entrySet()) {
            String kind = value.getKey().name();
            matches.add("(kind = :kind_" + kind + " AND value = :value_" + kind + ")");
            params.put("kind_" + kind, kind);
            params.put("value_" + kind, value.getValue());
        }
        params.put("now", Timestamp.from(now));
        return Set.copyOf(jdbc.sql("SELECT list, kind FROM fraud_list_entries WHERE (" + String.join(" OR ", matches)
                        + ") AND (expires_at IS NULL OR expires_at > :now)")
                .params(params)
                .query((rs, row) ->
                        new Listed(ListName.valueOf(rs.getString("list")), Kind.valueOf(rs.getString("kind"))))
                .list());
    }
}
