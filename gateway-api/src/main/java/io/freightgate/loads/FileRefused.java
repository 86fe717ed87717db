package io.freightgate.loads;

/** An uploaded file was refused before anything was stored; the message says why and is safe to show. */
public class FileRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        MALFORMED
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
