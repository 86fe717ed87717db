package io.freightgate.platform.documents;

import io.freightgate.kernel.TenantId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One port for every file FreightGate keeps: proofs of delivery and photos, KYB documents, rate confirmations and
 * evidence PDFs. Contents are encrypted with the owning subject's data key, checked for size and for their real type
 * (by magic bytes, not by name or declared type) and passed through the {@link DocumentInspector} (active content,
 * compression bombs, pixel caps) before anything is stored, and read back only by id through code
 * that has already authorized the caller: there is no public or guessable URL.
 */
public interface DocumentStore {

    /** Stores the document, or says why not; a rejected document leaves nothing behind. */
    Stored store(NewDocument document);

    /** The document, decrypted; empty when unknown, of another tenant, or erased with its subject. */
    Optional<Document> load(DocumentId id);

    boolean delete(DocumentId id);

    record DocumentId(UUID value) {
        public static DocumentId random() {
            return new DocumentId(UUID.randomUUID());
        }
    }

    /**
     * A file to store for a subject (organization or user) of a tenant; {@code accepted} lists the content types the
     * caller's purpose allows.
     */
    record NewDocument(
            TenantId tenant,
            UUID subject,
            String purpose,
            String fileName,
            byte[] content,
            Set<ContentType> accepted) {}

    record Document(
            DocumentId id,
            TenantId tenant,
            UUID subject,
            String purpose,
            String fileName,
            ContentType contentType,
            byte[] content,
            byte[] sha256) {}

    /** The outcome of {@link #store}. */
    sealed interface Stored {}

    record Accepted(DocumentId id, ContentType contentType, long sizeBytes, byte[] sha256) implements Stored {}

    record Rejected(Reason reason, String detail) implements Stored {}

    enum Reason {
        EMPTY,
        TOO_LARGE,
        TYPE_NOT_ACCEPTED,
        UNRECOGNIZED_CONTENT,
        BAD_FILE_NAME,
        /** The inspection could not read it (a PDF PDFBox cannot open, an image without readable dimensions). */
        UNREADABLE,
        ENCRYPTED,
        /** Scripts, actions reaching outside, embedded files, XFA or rich media ({@link DocumentInspector}). */
        ACTIVE_CONTENT,
        /** Past a decoding cap: a compression bomb, too many pages or objects, too many pixels, too slow. */
        TOO_COMPLEX,
        /** The inspection workers are all busy; retry. */
        BUSY;

        /** The store's reason for an inspection's refusal. */
        public static Reason of(DocumentInspector.Refusal refusal) {
            return switch (refusal) {
                case UNREADABLE -> UNREADABLE;
                case ENCRYPTED -> ENCRYPTED;
                case ACTIVE_CONTENT -> ACTIVE_CONTENT;
                case TOO_COMPLEX -> TOO_COMPLEX;
                case BUSY -> BUSY;
            };
        }
    }
}
