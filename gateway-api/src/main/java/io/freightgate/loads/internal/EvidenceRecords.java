package io.freightgate.loads.internal;

import io.freightgate.kernel.LoadId;
import io.freightgate.loads.DeliveryConfirmationView;
import io.freightgate.loads.internal.domain.GeoPoint;
import io.freightgate.loads.internal.domain.Geofence;
import io.freightgate.loads.internal.domain.HashChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The evidence rows of loads, in plain JDBC (written once, never updated, so not audited by Envers): proofs of
 * delivery, telematics pings, documents, driver links and the communication log. Runs in the caller's transaction, so
 * row-level security applies.
 */
@Repository
public class EvidenceRecords {

    private final JdbcTemplate jdbc;

    EvidenceRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new proof of delivery row. */
    public record NewConfirmation(
            UUID id,
            LoadId loadId,
            UUID tenantId,
            UUID shipperId,
            UUID documentId,
            String contentType,
            long sizeBytes,
            String sha256,
            String signatoryName,
            Instant claimedAt,
            Optional<Double> claimedLat,
            Optional<Double> claimedLon,
            Optional<Integer> width,
            Optional<Integer> height,
            Optional<Instant> exifCapturedAt,
            Optional<GeoPoint> exifPosition,
            Optional<Integer> orientation,
            Optional<Long> distanceMeters,
            Optional<Long> timeGapSeconds,
            List<String> flags,
            String channel,
            String uploadedBy,
            Instant createdAt) {}

    public void insert(NewConfirmation c) {
        jdbc.update(
                """
                INSERT INTO delivery_confirmations (id, load_id, tenant_id, shipper_id, document_id, content_type,
                    size_bytes, sha256, signatory_name, claimed_at, claimed_lat, claimed_lon, image_width,
                    image_height, exif_captured_at, exif_lat, exif_lon, exif_orientation, distance_to_consignee_m,
                    time_gap_seconds, flags, channel, uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                c.id(),
                c.loadId().value(),
                c.tenantId(),
                c.shipperId(),
                c.documentId(),
                c.contentType(),
                c.sizeBytes(),
                c.sha256(),
                c.signatoryName(),
                Timestamp.from(c.claimedAt()),
                c.claimedLat().orElse(null),
                c.claimedLon().orElse(null),
                c.width().orElse(null),
                c.height().orElse(null),
                c.exifCapturedAt().map(Timestamp::from).orElse(null),
                c.exifPosition().map(GeoPoint::lat).orElse(null),
                c.exifPosition().map(GeoPoint::lon).orElse(null),
                c.orientation().orElse(null),
                c.distanceMeters().orElse(null),
                c.timeGapSeconds().orElse(null),
                String.join(",", c.flags()),
                c.channel(),
                c.uploadedBy(),
                Timestamp.from(c.createdAt()));
    }

    public List<DeliveryConfirmationView> confirmations(LoadId loadId) {
        return jdbc.query(
                "SELECT * FROM delivery_confirmations WHERE load_id = ? ORDER BY created_at, id",
                (rs, i) -> confirmation(rs),
                loadId.value());
    }

    private static DeliveryConfirmationView confirmation(ResultSet rs) throws SQLException {
        List<String> flags = Arrays.stream(rs.getString("flags").split(","))
                .filter(flag -> !flag.isBlank())
                .toList();
        return new DeliveryConfirmationView(
                rs.getObject("id", UUID.class),
                new LoadId(rs.getObject("load_id", UUID.class)),
                rs.getObject("document_id", UUID.class),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("signatory_name"),
                rs.getTimestamp("claimed_at").toInstant(),
                Optional.ofNullable((Double) rs.getObject("claimed_lat")),
                Optional.ofNullable((Double) rs.getObject("claimed_lon")),
                Optional.ofNullable((Integer) rs.getObject("image_width")),
                Optional.ofNullable((Integer) rs.getObject("image_height")),
                Optional.ofNullable(rs.getTimestamp("exif_captured_at")).map(Timestamp::toInstant),
                Optional.ofNullable((Double) rs.getObject("exif_lat")),
                Optional.ofNullable((Double) rs.getObject("exif_lon")),
                Optional.ofNullable((Integer) rs.getObject("exif_orientation")),
                Optional.ofNullable((Long) rs.getObject("distance_to_consignee_m")),
                Optional.ofNullable((Long) rs.getObject("time_gap_seconds")),
                flags,
                !flags.contains("FAR_FROM_CONSIGNEE") && !flags.contains("TIME_GAP"),
                rs.getString("channel"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Stores a ping; a provider's re-delivery of the same ping (device, time) is ignored. */
    public boolean insertPing(
            LoadId loadId,
            UUID tenantId,
            UUID shipperId,
            String deviceId,
            Instant recordedAt,
            GeoPoint position,
            Optional<Double> speedKmh,
            String receivedBy,
            Instant receivedAt) {
        return jdbc.update(
                        """
                        INSERT INTO telematics_events (id, load_id, tenant_id, shipper_id, device_id, recorded_at, lat, lon,
                            speed_kmh, received_by, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (load_id, device_id, recorded_at) DO NOTHING
                        """,
                        UUID.randomUUID(),
                        loadId.value(),
                        tenantId,
                        shipperId,
                        deviceId,
                        Timestamp.from(recordedAt),
                        position.lat(),
                        position.lon(),
                        speedKmh.orElse(null),
                        receivedBy,
                        Timestamp.from(receivedAt))
                > 0;
    }

    public List<Geofence.Ping> pings(LoadId loadId) {
        return jdbc.query(
                "SELECT recorded_at, lat, lon FROM telematics_events WHERE load_id = ? ORDER BY recorded_at",
                (rs, i) -> new Geofence.Ping(
                        rs.getTimestamp("recorded_at").toInstant(),
                        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon"))),
                loadId.value());
    }

    public void insertDocument(
            UUID id,
            LoadId loadId,
            UUID tenantId,
            UUID shipperId,
            String kind,
            UUID documentId,
            String fileName,
            String text,
            String uploadedBy,
            Instant now) {
        jdbc.update(
                """
                INSERT INTO load_documents (id, load_id, tenant_id, shipper_id, kind, document_id, file_name,
                    extracted_text, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                id,
                loadId.value(),
                tenantId,
                shipperId,
                kind,
                documentId,
                fileName,
                text,
                uploadedBy,
                Timestamp.from(now));
    }

    /** A stored document row with its extracted text. */
    public record DocumentRow(
            UUID id, LoadId loadId, String kind, UUID documentId, String fileName, String text, Instant createdAt) {}

    public List<DocumentRow> documents(LoadId loadId) {
        return jdbc.query(
                "SELECT * FROM load_documents WHERE load_id = ? ORDER BY created_at, id",
                (rs, i) -> new DocumentRow(
                        rs.getObject("id", UUID.class),
                        new LoadId(rs.getObject("load_id", UUID.class)),
                        rs.getString("kind"),
                        rs.getObject("document_id", UUID.class),
                        rs.getString("file_name"),
                        rs.getString("extracted_text"),
                        rs.getTimestamp("created_at").toInstant()),
                loadId.value());
    }

    public void insertDriverLink(
            String tokenHash, LoadId loadId, UUID tenantId, UUID shipperId, Instant expiresAt, String by, Instant now) {
        jdbc.update(
                """
                INSERT INTO load_driver_links (token_hash, load_id, tenant_id, shipper_id, expires_at, created_by,
                    created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                tokenHash,
                loadId.value(),
                tenantId,
                shipperId,
                Timestamp.from(expiresAt),
                by,
                Timestamp.from(now));
    }

    /** The load a link token opens, while it has not expired. */
    public Optional<LoadId> loadOfLink(String tokenHash, Instant now) {
        return jdbc
                .query(
                        "SELECT load_id FROM load_driver_links WHERE token_hash = ? AND expires_at > ?",
                        (rs, i) -> new LoadId(rs.getObject("load_id", UUID.class)),
                        tokenHash,
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    /** The last entry's sequence number and hash, or 0 and the genesis hash. */
    public record Head(long seq, String hash) {}

    public Head head(LoadId loadId) {
        return jdbc
                .query(
                        "SELECT seq, hash FROM communication_log WHERE load_id = ? ORDER BY seq DESC LIMIT 1",
                        (rs, i) -> new Head(rs.getLong("seq"), rs.getString("hash")),
                        loadId.value())
                .stream()
                .findFirst()
                .orElse(new Head(0, HashChain.GENESIS));
    }

    public void insertEntry(UUID tenantId, UUID shipperId, HashChain.Entry entry) {
        jdbc.update(
                """
                INSERT INTO communication_log (load_id, seq, tenant_id, shipper_id, occurred_at, channel, author,
                    subject, body, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                entry.loadId(),
                entry.seq(),
                tenantId,
                shipperId,
                Timestamp.from(entry.occurredAt()),
                entry.channel(),
                entry.author(),
                entry.subject(),
                entry.body(),
                entry.previousHash(),
                entry.hash());
    }

    public List<HashChain.Entry> entries(LoadId loadId) {
        return jdbc.query(
                "SELECT * FROM communication_log WHERE load_id = ? ORDER BY seq",
                (rs, i) -> new HashChain.Entry(
                        rs.getObject("load_id", UUID.class),
                        rs.getLong("seq"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("channel"),
                        rs.getString("author"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("previous_hash"),
                        rs.getString("hash")),
                loadId.value());
    }
}
