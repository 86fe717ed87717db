package io.freightgate.loads;

/** An uploaded file was refused before anything was stored; the message says why and is safe to show. */
public class FileRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        MALFORMED,
        /** A PDF with scripts, actions reaching outside, embedded files, XFA or rich media. */
        ACTIVE_CONTENT,
        /** Past a decoding cap: a compression bomb, too many pages, too many pixels, too slow to read. */
        TOO_COMPLEX,
        /** The document inspection is at capacity; retry. */
        BUSY
    }

    private final Reason reason;

    public FileRefused(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
