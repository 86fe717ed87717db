package io.freightgate.platform.documents;

/**
 * A file was refused before anything was stored, for the {@link DocumentStore.Reason}; the message says why and is
 * safe to show. The REST edge maps active content and over-complex files to their own 422 problems.
 */
public class DocumentRefused extends RuntimeException {

    private final DocumentStore.Reason reason;

    public DocumentRefused(DocumentStore.Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public DocumentStore.Reason reason() {
        return reason;
    }
}
