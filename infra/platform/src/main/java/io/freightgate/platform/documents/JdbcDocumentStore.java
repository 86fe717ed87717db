package io.freightgate.platform.documents;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PostgreSQL {@link DocumentStore}: contents and file names encrypted with the subject's data key in the
 * {@code documents} table, under row-level security.
 */
public class JdbcDocumentStore implements DocumentStore {

    private static final Pattern UNSAFE_NAME = Pattern.compile("[\\p{Cntrl}/\\\\]|^\\.+$|\\.\\.");

    private final JdbcTemplate jdbc;
    private final EnvelopeEncryption encryption;
    private final Clock clock;
    private final long maxBytes;
    private final DocumentInspector inspector;

    public JdbcDocumentStore(
            JdbcTemplate jdbc, EnvelopeEncryption encryption, Clock clock, long maxBytes, DocumentInspector inspector) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.inspector = inspector;
    }

    @Override
    @Transactional
    public Stored store(NewDocument document) {
        byte[] content = document.content();
        if (content == null || content.length == 0) {
            return new Rejected(Reason.EMPTY, "The file is empty.");
        }
        if (content.length > maxBytes) {
            return new Rejected(Reason.TOO_LARGE, "The file is larger than " + maxBytes + " bytes.");
        }
        String fileName = document.fileName() == null ? "" : document.fileName().strip();
        if (fileName.isEmpty()
                || fileName.length() > 255
                || UNSAFE_NAME.matcher(fileName).find()) {
            return new Rejected(
                    Reason.BAD_FILE_NAME, "The file name must be 1 to 255 characters without path separators.");
        }
        Optional<ContentType> sniffed = ContentType.sniff(content);
        if (sniffed.isEmpty()) {
            return new Rejected(Reason.UNRECOGNIZED_CONTENT, "The content is not a PDF, JPEG or PNG file.");
        }
        if (!document.accepted().contains(sniffed.get())) {
            return new Rejected(
                    Reason.TYPE_NOT_ACCEPTED,
                    "A " + sniffed.get().mediaType() + " file is not accepted here; accepted: "
                            + document.accepted().stream()
                                    .map(ContentType::mediaType)
                                    .toList() + ".");
        }
        if (inspector.inspect(content) instanceof DocumentInspector.Refused refused) {
            return new Rejected(Reason.of(refused.refusal()), refused.detail());
        }
        DocumentId id = DocumentId.random();
        byte[] sha256 = sha256(content);
        jdbc.update(
                "INSERT INTO documents (id, tenant_id, subject_id, purpose, file_name, content_type, size_bytes, sha256,"
                        + " content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id.value(),
                document.tenant().value(),
                document.subject(),
                document.purpose(),
                encryption.encryptText(document.tenant(), document.subject(), fileName),
                sniffed.get().name(),
                content.length,
                sha256,
                encryption.encrypt(document.tenant(), document.subject(), content),
                Timestamp.from(clock.instant()));
        return new Accepted(id, sniffed.get(), content.length, sha256);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Document> load(DocumentId id) {
        List<Row> rows = jdbc.query(
                "SELECT tenant_id, subject_id, purpose, file_name, content_type, sha256, content FROM documents WHERE id = ?",
                (rs, n) -> new Row(
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("subject_id", UUID.class),
                        rs.getString("purpose"),
                        rs.getBytes("file_name"),
                        ContentType.valueOf(rs.getString("content_type")),
                        rs.getBytes("sha256"),
                        rs.getBytes("content")),
                id.value());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.getFirst();
        Optional<String> fileName = encryption.decryptText(row.subject(), row.fileName());
        Optional<byte[]> content = encryption.decrypt(row.subject(), row.content());
        if (fileName.isEmpty() || content.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Document(
                id,
                row.tenant(),
                row.subject(),
                row.purpose(),
                fileName.get(),
                row.type(),
                content.get(),
                row.sha256()));
    }

    @Override
    @Transactional
    public boolean delete(DocumentId id) {
        return jdbc.update("DELETE FROM documents WHERE id = ?", id.value()) == 1;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(
            TenantId tenant,
            UUID subject,
            String purpose,
            byte[] fileName,
            ContentType type,
            byte[] sha256,
            byte[] content) {}
}
