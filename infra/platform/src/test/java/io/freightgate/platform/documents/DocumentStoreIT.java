package io.freightgate.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.TenantFixtures;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "freightgate.documents.max-bytes=4096")
class DocumentStoreIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                    + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                    + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n"
                    + "4 0 obj << /Title (signed by Jane Consignee) >> endobj\n"
                    + "trailer << /Root 1 0 R /Info 4 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    DocumentStore store;

    @Autowired
    EnvelopeEncryption encryption;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    TenantFixtures fixtures;
    TenantId tenant = TenantId.random();
    UUID subject = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        fixtures = new TenantFixtures(transactions);
    }

    @Test
    void storesEncryptedAndReadsBackTheSameBytes() {
        var accepted = (DocumentStore.Accepted) fixtures.inTenant(tenant, () -> store.store(pdf("pod.pdf", PDF)));

        var raw = fixtures.inTenant(
                tenant,
                () -> jdbc.queryForObject(
                        "SELECT content FROM documents WHERE id = ?",
                        byte[].class,
                        accepted.id().value()));
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("Jane Consignee");

        var loaded = fixtures.inTenant(tenant, () -> store.load(accepted.id())).orElseThrow();
        assertThat(loaded.content()).isEqualTo(PDF);
        assertThat(loaded.fileName()).isEqualTo("pod.pdf");
        assertThat(loaded.contentType()).isEqualTo(ContentType.PDF);
    }

    @Test
    void judgesTheTypeByContentNotByName() {
        var stored = fixtures.inTenant(tenant, () -> store.store(pdf("looks-like.pdf", PNG)));

        assertThat(stored)
                .isInstanceOfSatisfying(DocumentStore.Rejected.class, rejected -> assertThat(rejected.reason())
                        .isEqualTo(DocumentStore.Reason.TYPE_NOT_ACCEPTED));
        assertThat(countAll()).isZero();
    }

    @Test
    void refusesUnknownContentOversizedFilesAndPathTricks() {
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        byte[] big = new byte[5000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        assertThat(reasonFor(pdf("x.pdf", script))).isEqualTo(DocumentStore.Reason.UNRECOGNIZED_CONTENT);
        assertThat(reasonFor(pdf("x.pdf", big))).isEqualTo(DocumentStore.Reason.TOO_LARGE);
        assertThat(reasonFor(pdf("../../etc/passwd", PDF))).isEqualTo(DocumentStore.Reason.BAD_FILE_NAME);
        assertThat(reasonFor(pdf("a\u0000.pdf", PDF))).isEqualTo(DocumentStore.Reason.BAD_FILE_NAME);
        assertThat(reasonFor(pdf("x.pdf", new byte[0]))).isEqualTo(DocumentStore.Reason.EMPTY);
        assertThat(countAll()).isZero();
    }

    @Test
    void passesEveryFileThroughTheInspectionWhoeverCallsIt() {
        assertThat(reasonFor(pdf("x.pdf", HostileFiles.openActionJavaScript())))
                .isEqualTo(DocumentStore.Reason.ACTIVE_CONTENT);
        assertThat(reasonFor(pdf("x.pdf", HostileFiles.pdfBomb(64)))).isEqualTo(DocumentStore.Reason.TOO_COMPLEX);
        assertThat(reasonFor(new DocumentStore.NewDocument(
                        tenant,
                        subject,
                        "proof-of-delivery",
                        "x.png",
                        HostileFiles.pngHeader(60_000, 60_000),
                        Set.of(ContentType.PNG))))
                .isEqualTo(DocumentStore.Reason.TOO_COMPLEX);
        assertThat(countAll()).isZero();
    }

    @Test
    void anotherTenantCannotLoadTheDocument() {
        var accepted = (DocumentStore.Accepted) fixtures.inTenant(tenant, () -> store.store(pdf("pod.pdf", PDF)));

        assertThat(fixtures.inTenant(TenantId.random(), () -> store.load(accepted.id())))
                .isEmpty();
    }

    @Test
    void anErasedSubjectsDocumentsCannotBeRead() {
        var accepted = (DocumentStore.Accepted) fixtures.inTenant(tenant, () -> store.store(pdf("pod.pdf", PDF)));

        fixtures.inTenant(tenant, () -> encryption.destroy(subject));

        assertThat(fixtures.inTenant(tenant, () -> store.load(accepted.id()))).isEmpty();
    }

    private DocumentStore.Reason reasonFor(DocumentStore.NewDocument document) {
        return ((DocumentStore.Rejected) fixtures.inTenant(tenant, () -> store.store(document))).reason();
    }

    private Integer countAll() {
        return fixtures.inTenant(tenant, () -> jdbc.queryForObject("SELECT count(*) FROM documents", Integer.class));
    }

    private DocumentStore.NewDocument pdf(String name, byte[] content) {
        return new DocumentStore.NewDocument(
                tenant, subject, "proof-of-delivery", name, content, Set.of(ContentType.PDF));
    }
}
