package io.freightgate.integrations.internal;

import io.freightgate.integrations.IntegratorEndpointView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code integration_endpoints} in plain JDBC. Every method runs in the caller's transaction and sees only the rows of
 * the transaction's tenant (row-level security); deleted endpoints are invisible to all of them.
 */
@Component
public class EndpointStore {

    private static final String COLUMNS = "id, tenant_id, url, description, event_types, enabled, secret_ciphertext,"
            + " previous_secret_ciphertext, previous_secret_expires_at, created_at, updated_at";

    private final JdbcTemplate jdbc;

    EndpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An endpoint row with its secrets still encrypted. */
    public record Endpoint(
            UUID id,
            UUID tenantId,
            String url,
            Optional<String> description,
            List<String> eventTypes,
            boolean enabled,
            byte[] secretCiphertext,
            Optional<byte[]> previousSecretCiphertext,
            Optional<Instant> previousSecretExpiresAt,
            Instant createdAt,
            Instant updatedAt) {

        public IntegratorEndpointView view(Instant now) {
            return new IntegratorEndpointView(
                    id,
                    url,
                    description,
                    eventTypes,
                    enabled,
                    previousSecretExpiresAt.filter(now::isBefore),
                    createdAt,
                    updatedAt);
        }

        /** Whether the previous secret still signs at {@code now}. */
        public boolean previousSecretValid(Instant now) {
            return previousSecretCiphertext.isPresent()
                    && previousSecretExpiresAt.map(now::isBefore).orElse(false);
        }
    }

    public void insert(
            UUID id,
            UUID tenant,
            String url,
            Optional<String> description,
            List<String> eventTypes,
            byte[] secretCiphertext,
            String createdBy,
            Instant now) {
        jdbc.update(
                "INSERT INTO integration_endpoints (id, tenant_id, url, description, event_types, secret_ciphertext,"
                        + " created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                tenant,
                url,
                description.orElse(null),
                eventTypes.toArray(String[]::new),
                secretCiphertext,
                createdBy,
                Timestamp.from(now),
                Timestamp.from(now));
    }

    public long count() {
        Long count =
                jdbc.queryForObject("SELECT count(*) FROM integration_endpoints WHERE deleted_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    public List<Endpoint> list() {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM integration_endpoints WHERE deleted_at IS NULL ORDER BY created_at, id",
                EndpointStore::endpoint);
    }

    public Optional<Endpoint> find(UUID id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM integration_endpoints WHERE id = ? AND deleted_at IS NULL",
                        EndpointStore::endpoint,
                        id)
                .stream()
                .findFirst();
    }

    /** Locks the endpoint for a change (rotation, deletion) and returns it. */
    public Optional<Endpoint> lock(UUID id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM integration_endpoints WHERE id = ? AND deleted_at IS NULL FOR UPDATE",
                        EndpointStore::endpoint,
                        id)
                .stream()
                .findFirst();
    }

    public boolean updateEventTypes(UUID id, List<String> eventTypes, Instant now) {
        return jdbc.update(
                        "UPDATE integration_endpoints SET event_types = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND deleted_at IS NULL",
                        eventTypes.toArray(String[]::new),
                        Timestamp.from(now),
                        id)
                == 1;
    }

    public boolean updateEnabled(UUID id, boolean enabled, Instant now) {
        return jdbc.update(
                        "UPDATE integration_endpoints SET enabled = ?, updated_at = ?, version = version + 1"
                                + " WHERE id = ? AND deleted_at IS NULL",
                        enabled,
                        Timestamp.from(now),
                        id)
                == 1;
    }

    public void rotate(UUID id, byte[] newSecret, byte[] previousSecret, Instant previousExpiresAt, Instant now) {
        jdbc.update(
                "UPDATE integration_endpoints SET secret_ciphertext = ?, previous_secret_ciphertext = ?,"
                        + " previous_secret_expires_at = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                newSecret,
                previousSecret,
                Timestamp.from(previousExpiresAt),
                Timestamp.from(now),
                id);
    }

    /** Marks the endpoint deleted and drops its secrets. */
    public boolean delete(UUID id, Instant now) {
        return jdbc.update(
                        "UPDATE integration_endpoints SET deleted_at = ?, enabled = false, secret_ciphertext = NULL,"
                                + " previous_secret_ciphertext = NULL, previous_secret_expires_at = NULL,"
                                + " updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL",
                        Timestamp.from(now),
                        Timestamp.from(now),
                        id)
                == 1;
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        Timestamp previousExpires = rs.getTimestamp("previous_secret_expires_at");
        return new Endpoint(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                rs.getString("url"),
                Optional.ofNullable(rs.getString("description")),
                List.copyOf(Arrays.asList((String[]) types.getArray())),
                rs.getBoolean("enabled"),
                rs.getBytes("secret_ciphertext"),
                Optional.ofNullable(rs.getBytes("previous_secret_ciphertext")),
                Optional.ofNullable(previousExpires).map(Timestamp::toInstant),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
