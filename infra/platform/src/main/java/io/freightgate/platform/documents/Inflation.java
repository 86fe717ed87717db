package io.freightgate.platform.documents;

import io.freightgate.platform.documents.DocumentInspector.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * FlateDecode read the way PDFBox reads it (zlib-wrapped or raw deflate), but counted: every layer fails with
 * {@link Exceeded} as soon as its output passes the per-stream cap, the document's total passes the per-document cap,
 * or the output grows more than the allowed ratio over the raw bytes consumed at the bottom of the chain. Nothing is
 * kept: callers read into a small buffer and drop it.
 */
final class Inflation {

    /** A single deflate layer cannot expand more than about 1032:1; anything above it is nesting or a bomb. */
    static final int DEFAULT_MAX_RATIO = 1_100;

    private Inflation() {}

    /** A cap was passed or the deadline expired: the document is refused. */
    static final class Exceeded extends RuntimeException {
        private final Refusal refusal;
        private final String detail;

        Exceeded(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
            this.detail = message;
        }

        Refusal refusal() {
            return refusal;
        }

        /** The message for the person (never null, unlike {@link #getMessage()}'s declared type). */
        String detail() {
            return detail;
        }
    }

    /** The data is not deflate (or is truncated): not a refusal by itself. */
    static final class Corrupt extends IOException {
        Corrupt(String message) {
            super(message, null);
        }
    }

    /** The limits of one inspection and what it has decoded so far. */
    static final class Budget {
        private final long maxStreamBytes;
        private final long maxDocumentBytes;
        private final int maxRatio;
        private final long ratioFloorBytes;
        private final long deadlineNanos;
        private long documentBytes;

        Budget(long maxStreamBytes, long maxDocumentBytes, int maxRatio, long ratioFloorBytes, long deadlineNanos) {
            this.maxStreamBytes = maxStreamBytes;
            this.maxDocumentBytes = maxDocumentBytes;
            this.maxRatio = maxRatio;
            this.ratioFloorBytes = ratioFloorBytes;
            this.deadlineNanos = deadlineNanos;
        }

        void checkDeadline() {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new Exceeded(Refusal.TOO_COMPLEX, "The document takes too long to read.");
            }
        }

        void countStream(long produced, long raw) {
            if (produced > maxStreamBytes) {
                throw new Exceeded(
                        Refusal.TOO_COMPLEX,
                        "A stream of the document decompresses to more than " + maxStreamBytes + " bytes.");
            }
            if (produced > ratioFloorBytes && produced > (long) maxRatio * Math.max(1, raw)) {
                throw new Exceeded(
                        Refusal.TOO_COMPLEX,
                        "A stream of the document decompresses more than " + maxRatio
                                + " times its size (a compression bomb).");
            }
        }

        void countDocument(long bytes) {
            documentBytes += bytes;
            if (documentBytes > maxDocumentBytes) {
                throw new Exceeded(
                        Refusal.TOO_COMPLEX, "The document decompresses to more than " + maxDocumentBytes + " bytes.");
            }
            checkDeadline();
        }
    }

    /**
     * One inflating layer over {@code source}. {@code raw} says how many bytes of the original, encoded stream have
     * been consumed so far, against which the ratio is judged; the bottom layer of a chain passes {@code null} and is
     * judged against what it has read itself.
     */
    static final class Layer extends InputStream {
        private final InputStream source;
        private final Budget budget;
        private final LongSupplier raw;
        private final Inflater inflater = new Inflater(true);
        private final byte[] input = new byte[8192];
        private boolean started;
        private long produced;

        Layer(InputStream source, Budget budget, @Nullable LongSupplier raw) {
            this.source = source;
            this.budget = budget;
            this.raw = raw == null ? inflater::getBytesRead : raw;
        }

        /** The encoded bytes this layer has read. */
        long consumed() {
            return inflater.getBytesRead();
        }

        long produced() {
            return produced;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!started) {
                started = true;
                skipZlibHeader();
            }
            while (true) {
                if (inflater.finished()) {
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new Corrupt("preset dictionary");
                }
                if (inflater.needsInput()) {
                    int n = source.read(input, 0, input.length);
                    if (n < 0) {
                        return -1;
                    }
                    inflater.setInput(input, 0, n);
                }
                int k;
                try {
                    k = inflater.inflate(out, off, len);
                } catch (DataFormatException e) {
                    throw new Corrupt("not deflate");
                }
                if (k > 0) {
                    produced += k;
                    budget.countStream(produced, raw.getAsLong());
                    budget.countDocument(k);
                    return k;
                }
            }
        }

        /** PDFBox accepts both a zlib header and none; so does this, the same way. */
        private void skipZlibHeader() throws IOException {
            int cmf = source.read();
            if (cmf < 0) {
                return;
            }
            int flg = source.read();
            if (flg < 0) {
                inflater.setInput(new byte[] {(byte) cmf});
                return;
            }
            boolean zlib = (cmf & 0x0F) == 8 && ((cmf << 8) | flg) % 31 == 0;
            if (!zlib) {
                inflater.setInput(new byte[] {(byte) cmf, (byte) flg});
            }
        }

        @Override
        public void close() {
            inflater.end();
        }
    }

    /**
     * Inflates every stream-like run of {@code encoded}, following nested deflate layers (up to {@code depth}): what
     * does not inflate simply ends, only a passed cap refuses.
     */
    static void exhaust(InputStream encoded, Budget budget, int depth) throws IOException {
        try (Layer bottom = new Layer(encoded, budget, null)) {
            peel(bottom, bottom, budget, depth - 1);
        }
    }

    private static void peel(InputStream outer, Layer bottom, Budget budget, int depth) throws IOException {
        if (depth > 0) {
            try (Layer inner = new Layer(outer, budget, bottom::consumed)) {
                peel(inner, bottom, budget, depth - 1);
            }
        }
        drain(outer, budget);
    }

    /** Reads {@code in} to its end (or its first corrupt byte) and returns how many bytes it gave. */
    static long drain(InputStream in, Budget budget) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                budget.checkDeadline();
            }
        } catch (Corrupt e) {
            return total;
        }
        return total;
    }
}
