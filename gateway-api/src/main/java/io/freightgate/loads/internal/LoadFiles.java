package io.freightgate.loads.internal;

import io.freightgate.loads.FileRefused;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.platform.documents.ContentType;
import io.freightgate.platform.documents.DocumentInspector;
import io.freightgate.platform.documents.DocumentStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The files of a load (proofs of delivery, documents): every one is checked before anything is stored or read
 * (oversized, unknown, HEIC, malformed, active and over-complex files are refused with {@link FileRefused}), then
 * stored in the carrier's tenant. Runs inside the calling facade's transaction, or before it.
 */
@Component
public class LoadFiles {

    private static final String HEIC_DETAIL = "HEIC/HEIF photos are not accepted: no maintained Java library converts"
            + " them. Upload a JPEG or PNG (on an iPhone: Settings > Camera > Formats > Most Compatible) or a PDF.";

    private final DocumentStore documents;
    private final DocumentInspector inspector;
    private final long maxUploadBytes;

    LoadFiles(
            DocumentStore documents,
            DocumentInspector inspector,
            @Value("${freightgate.loads.max-upload-bytes:10485760}") long maxUploadBytes) {
        this.documents = documents;
        this.inspector = inspector;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** A file that passed the checks, with a photo's metadata. */
    public record Checked(ContentType type, Optional<PhotoMetadata> photo) {}

    /**
     * Refuses oversized, unknown, HEIC, malformed, active and over-complex files before anything is stored; the
     * {@link DocumentInspector} reads an image's dimensions from its header before its metadata is parsed.
     */
    public Checked check(byte[] content, boolean photosAllowed) {
        ContentType type = sniff(content, photosAllowed);
        if (inspector.inspect(content) instanceof DocumentInspector.Refused refused) {
            throw refused(refused);
        }
        if (type == ContentType.PDF) {
            return new Checked(type, Optional.empty());
        }
        try {
            return new Checked(type, Optional.of(PhotoMetadata.read(content)));
        } catch (PhotoMetadata.Unreadable e) {
            throw new FileRefused(FileRefused.Reason.MALFORMED, e.getMessage() + ".");
        }
    }

    /** The text of the first pages of a PDF that passes the inspection. */
    public String text(byte[] pdf) {
        sniff(pdf, false);
        return switch (inspector.text(pdf)) {
            case DocumentInspector.Text text -> text.text();
            case DocumentInspector.Refused refused -> throw refused(refused);
        };
    }

    /** Stores a file of the load in the carrier's tenant (the document store inspects it once more). */
    public DocumentStore.Accepted store(
            Load load, String purpose, String fileName, byte[] content, Set<ContentType> accepted) {
        var stored = documents.store(new DocumentStore.NewDocument(
                load.carrier(), load.id().value(), purpose, safeName(fileName), content, accepted));
        return switch (stored) {
            case DocumentStore.Accepted ok -> ok;
            case DocumentStore.Rejected rejected ->
                throw new FileRefused(
                        switch (rejected.reason()) {
                            case TOO_LARGE -> FileRefused.Reason.TOO_LARGE;
                            case TYPE_NOT_ACCEPTED, UNRECOGNIZED_CONTENT -> FileRefused.Reason.UNSUPPORTED_TYPE;
                            case EMPTY, BAD_FILE_NAME, UNREADABLE, ENCRYPTED -> FileRefused.Reason.MALFORMED;
                            case ACTIVE_CONTENT -> FileRefused.Reason.ACTIVE_CONTENT;
                            case TOO_COMPLEX -> FileRefused.Reason.TOO_COMPLEX;
                            case BUSY -> FileRefused.Reason.BUSY;
                        },
                        rejected.detail());
        };
    }

    /** The file's name as it is kept: letters, digits, dots, dashes and underscores, at most 100 characters. */
    public static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "file" + name;
        }
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }

    private ContentType sniff(byte[] content, boolean photosAllowed) {
        if (content == null || content.length == 0) {
            throw new FileRefused(FileRefused.Reason.MALFORMED, "The file is empty.");
        }
        if (content.length > maxUploadBytes) {
            throw new FileRefused(
                    FileRefused.Reason.TOO_LARGE, "The file is larger than " + maxUploadBytes + " bytes.");
        }
        if (isHeic(content)) {
            throw new FileRefused(FileRefused.Reason.UNSUPPORTED_TYPE, HEIC_DETAIL);
        }
        return ContentType.sniff(content)
                .filter(sniffed -> photosAllowed || sniffed == ContentType.PDF)
                .orElseThrow(() -> new FileRefused(
                        FileRefused.Reason.UNSUPPORTED_TYPE,
                        photosAllowed
                                ? "Only PDF, JPEG and PNG files are accepted (judged by their content)."
                                : "Only PDF files are accepted (judged by their content)."));
    }

    private static FileRefused refused(DocumentInspector.Refused refused) {
        return new FileRefused(
                switch (refused.refusal()) {
                    case UNREADABLE, ENCRYPTED -> FileRefused.Reason.MALFORMED;
                    case ACTIVE_CONTENT -> FileRefused.Reason.ACTIVE_CONTENT;
                    case TOO_COMPLEX -> FileRefused.Reason.TOO_COMPLEX;
                    case BUSY -> FileRefused.Reason.BUSY;
                },
                refused.detail());
    }

    /** ISO BMFF with an HEIF brand ("ftypheic", "ftypmif1", ...), whatever the file is called. */
    static boolean isHeic(byte[] content) {
        if (content.length < 12) {
            return false;
        }
        String box = new String(content, 4, 8, StandardCharsets.ISO_8859_1);
        return box.startsWith("ftyp")
                && Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif")
                        .contains(box.substring(4));
    }
}
