package io.freightgate.platform.documents;

import io.freightgate.platform.documents.Inflation.Budget;
import io.freightgate.platform.documents.Inflation.Exceeded;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one inspection every file passes before FreightGate keeps or reads it, whichever module received it (load
 * documents, proofs of delivery, rate confirmations, KYB documents). A PDF is refused when it is encrypted, carries
 * active content (JavaScript, launch, URI, submit-form, import-data, go-to-embedded/remote actions, embedded files,
 * XFA, rich media), decompresses past the caps (per stream, per document, or more than the inflation ratio over its raw
 * bytes: a compression bomb), uses a filter whose output cannot be bounded (LZW, run-length, crypt), has too many
 * objects or pages, or takes longer than the deadline. An image is refused when its header declares more pixels than
 * allowed or its compressed metadata inflates past the caps. Parsing runs on a small bounded pool, never on the request
 * thread, so a file that is slow to read holds one of a few workers until its deadline, and a full pool answers
 * {@link Refusal#BUSY} at once.
 */
public final class DocumentInspector implements AutoCloseable {

    /** Limits of one inspection. */
    public record Limits(
            long maxStreamBytes,
            long maxDocumentBytes,
            int maxInflationRatio,
            long ratioFloorBytes,
            int maxObjects,
            int maxPages,
            int maxTextPages,
            int maxTextChars,
            long maxImagePixels,
            long maxImageSide,
            long maxImageMetadataBytes,
            Duration deadline,
            int workers,
            int queue) {

        public static Limits defaults() {
            return new Limits(
                    64L << 20,
                    256L << 20,
                    Inflation.DEFAULT_MAX_RATIO,
                    1L << 20,
                    200_000,
                    500,
                    20,
                    200_000,
                    50_000_000L,
                    20_000,
                    8L << 20,
                    Duration.ofSeconds(5),
                    2,
                    16);
        }
    }

    /** Why a file was refused. */
    public enum Refusal {
        /** Not a readable PDF, JPEG or PNG. */
        UNREADABLE,
        ENCRYPTED,
        /** Scripts, actions reaching outside the document, embedded files, XFA or rich media. */
        ACTIVE_CONTENT,
        /** Past a cap: decoded size, inflation ratio, objects, pages, pixels, or the deadline. */
        TOO_COMPLEX,
        /** Every inspection worker is busy; retry later. */
        BUSY
    }

    public sealed interface Inspection permits Passed, Refused {}

    public sealed interface Extraction permits Text, Refused {}

    /** The file may be kept; for an image, its declared size. */
    public record Passed(ContentType type, Optional<ImageSize> image) implements Inspection {}

    /** The text of the first pages of a PDF that passed inspection (empty for a scan without text). */
    public record Text(String text) implements Extraction {}

    public record Refused(Refusal refusal, String detail) implements Inspection, Extraction {}

    public record ImageSize(long width, long height) {}

    private final Limits limits;
    private final PdfChecks pdfs;
    private final ThreadPoolExecutor workers;

    public DocumentInspector(Limits limits) {
        this.limits = limits;
        this.pdfs = new PdfChecks(limits);
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                limits.workers(),
                limits.workers(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()),
                task -> {
                    Thread thread = new Thread(task, "document-inspection-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    public Limits limits() {
        return limits;
    }

    /** Whether the file may be kept, judged by its content (its first bytes say its type). */
    public Inspection inspect(byte[] content) {
        Optional<ContentType> type = ContentType.sniff(content);
        if (type.isEmpty()) {
            return new Refused(Refusal.UNREADABLE, "The content is not a PDF, JPEG or PNG file.");
        }
        return switch (type.get()) {
            case PDF ->
                this.<Inspection>bounded(() -> {
                    pdfs.check(content, deadline(), Optional.empty());
                    return new Passed(ContentType.PDF, Optional.empty());
                });
            case PNG, JPEG -> image(type.get(), content);
        };
    }

    /** Inspects a PDF and, when it passes, reads the text of its first pages. */
    public Extraction text(byte[] pdf) {
        if (ContentType.sniff(pdf).filter(ContentType.PDF::equals).isEmpty()) {
            return new Refused(Refusal.UNREADABLE, "The content is not a PDF file.");
        }
        return this.<Extraction>bounded(() -> {
            CappedWriter text = new CappedWriter(limits.maxTextChars());
            pdfs.check(pdf, deadline(), Optional.of(text));
            return new Text(text.toString());
        });
    }

    private Inspection image(ContentType type, byte[] content) {
        try {
            ImageSize size = type == ContentType.PNG ? ImageHeaders.png(content, budget()) : ImageHeaders.jpeg(content);
            if (size.width() > limits.maxImageSide()
                    || size.height() > limits.maxImageSide()
                    || size.width() * size.height() > limits.maxImagePixels()) {
                return new Refused(
                        Refusal.TOO_COMPLEX,
                        "The image is " + size.width() + " x " + size.height() + " pixels; at most "
                                + limits.maxImagePixels() + " pixels (and " + limits.maxImageSide()
                                + " per side) are accepted.");
            }
            if (type == ContentType.PNG) {
                ImageHeaders.pngMetadata(content, budget());
            }
            return new Passed(type, Optional.of(size));
        } catch (Exceeded e) {
            return new Refused(e.refusal(), e.detail());
        }
    }

    private Budget budget() {
        return new Budget(
                limits.maxImageMetadataBytes(),
                limits.maxImageMetadataBytes(),
                limits.maxInflationRatio(),
                limits.ratioFloorBytes(),
                deadline());
    }

    private long deadline() {
        return System.nanoTime() + limits.deadline().toNanos();
    }

    @SuppressWarnings("unchecked")
    private <T> T bounded(Callable<T> work) {
        Future<T> future;
        try {
            future = workers.submit(() -> {
                try {
                    return work.call();
                } catch (Exceeded e) {
                    return (T) new Refused(e.refusal(), e.detail());
                } catch (OutOfMemoryError e) {
                    return (T) new Refused(Refusal.TOO_COMPLEX, "The document is too large to read.");
                } catch (RuntimeException e) {
                    return (T) new Refused(Refusal.UNREADABLE, "The file cannot be read.");
                }
            });
        } catch (RejectedExecutionException e) {
            return (T) new Refused(Refusal.BUSY, "Documents are being checked at capacity; retry shortly.");
        }
        try {
            return future.get(limits.deadline().multipliedBy(2).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return (T) new Refused(Refusal.TOO_COMPLEX, "The document takes too long to read.");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return (T) new Refused(Refusal.BUSY, "The check of the document was interrupted; retry.");
        } catch (ExecutionException e) {
            return (T) new Refused(Refusal.UNREADABLE, "The file cannot be read.");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Keeps the first characters of extracted text and drops the rest. */
    private static final class CappedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int max;

        CappedWriter(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] chars, int off, int len) {
            int room = max - text.length();
            if (room > 0) {
                text.append(chars, off, Math.min(room, len));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
