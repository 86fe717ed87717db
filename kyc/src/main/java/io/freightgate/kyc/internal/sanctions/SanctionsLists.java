package io.freightgate.kyc.internal.sanctions;

import io.freightgate.kyc.internal.domain.sanctions.NameMatcher.ListedName;
import io.freightgate.kyc.internal.domain.sanctions.SanctionsCsv;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The imported sanctions lists in PostgreSQL: one active list per source; names stored as listed. */
public class SanctionsLists {

    private final JdbcTemplate jdbc;

    public SanctionsLists(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A listed name with the source it came from. */
    public record SourcedName(String source, ListedName name) {}

    /** Stores the list and makes it the active one of its source; call inside a transaction. */
    public UUID replace(String source, SanctionsCsv.Read list, byte[] sha256, String actor, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.update("UPDATE sanctions_lists SET active = false WHERE source = ? AND active", source);
        jdbc.update(
                "INSERT INTO sanctions_lists (id, source, format, sha256, entry_count, name_count, imported_at,"
                        + " imported_by, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, true)",
                id,
                source,
                list.format(),
                sha256,
                list.entries().size(),
                list.nameCount(),
                Timestamp.from(now),
                actor);
        List<Object[]> rows = new ArrayList<>();
        for (SanctionsCsv.Entry entry : list.entries()) {
            for (String name : entry.names()) {
                rows.add(new Object[] {id, entry.reference(), entry.kind(), name});
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO sanctions_names (list_id, entry_ref, entry_kind, name) VALUES (?, ?, ?, ?)", rows);
        jdbc.update("DELETE FROM sanctions_lists WHERE source = ? AND NOT active", source);
        return id;
    }

    /** The ids of the active lists, a cheap version stamp for the in-memory copy. */
    public Set<UUID> activeListIds() {
        return new TreeSet<>(jdbc.queryForList("SELECT id FROM sanctions_lists WHERE active", UUID.class));
    }

    public List<SourcedName> activeNames() {
        return jdbc.query(
                "SELECT l.source, n.entry_ref, n.name FROM sanctions_names n JOIN sanctions_lists l ON l.id = n.list_id"
                        + " WHERE l.active",
                (rs, n) -> new SourcedName(rs.getString(1), ListedName.of(rs.getString(3), rs.getString(2))));
    }
}
