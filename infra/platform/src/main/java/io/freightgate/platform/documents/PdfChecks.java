package io.freightgate.platform.documents;

import io.freightgate.platform.documents.DocumentInspector.Refusal;
import io.freightgate.platform.documents.Inflation.Budget;
import io.freightgate.platform.documents.Inflation.Exceeded;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;

/**
 * The checks on one PDF, in the order that keeps PDFBox from decoding anything unchecked: a raw pass over the file's
 * bytes (names, and every {@code stream} inflated through counting layers, since PDFBox itself decodes cross-reference
 * streams while it loads), then PDFBox's COS objects (every stream's declared filter chain decoded from its raw bytes
 * with the same caps, before any object inside an object stream is read; active content in every object), the page
 * count, and only then text extraction, whose stripper checks the deadline itself.
 */
final class PdfChecks {

    /** Names whose mere presence refuses the file: scripts, actions that reach outside, attachments, XFA, media. */
    static final Map<String, String> ACTIVE_NAMES = Map.ofEntries(
            Map.entry("JavaScript", "JavaScript"),
            Map.entry("JS", "JavaScript"),
            Map.entry("Launch", "a launch action"),
            Map.entry("EmbeddedFiles", "an embedded file"),
            Map.entry("EmbeddedFile", "an embedded file"),
            Map.entry("FileAttachment", "an embedded file"),
            Map.entry("XFA", "an XFA form"),
            Map.entry("URI", "a link to an outside address (URI action)"),
            Map.entry("SubmitForm", "a form that submits data"),
            Map.entry("ImportData", "a form that imports data"),
            Map.entry("GoToE", "a go-to-embedded action"),
            Map.entry("GoToR", "a go-to-remote-file action"),
            Map.entry("RichMedia", "rich media"),
            Map.entry("RichMediaExecute", "rich media"));

    /** Filters PDFBox would decode without a bound this inspection can give (or that mean encryption). */
    private static final Set<String> REFUSED_FILTERS = Set.of("LZWDecode", "LZW", "RunLengthDecode", "Crypt");

    private static final Set<String> FLATE = Set.of("FlateDecode", "Fl");
    private static final Set<String> ASCII = Set.of("ASCIIHexDecode", "AHx", "ASCII85Decode", "A85");
    private static final Set<String> IMAGE =
            Set.of("DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode");
    private static final int MAX_FILTERS = 4;
    static final int MAX_ASCII_DECODED_BYTES = 8 * 1024 * 1024;

    /** An in-memory buffer that refuses to grow past its limit. */
    private static final class Bounded extends ByteArrayOutputStream {
        private final int limit;

        Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            ensure(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            ensure(len);
            super.write(b, off, len);
        }

        private void ensure(int more) {
            if ((long) count + more > limit) {
                throw new Exceeded(
                        Refusal.TOO_COMPLEX,
                        "A stream of the PDF decodes to more than " + limit / (1024 * 1024) + " MiB of text.");
            }
        }
    }

    private static final int NESTED_LAYERS = 3;
    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

    private final DocumentInspector.Limits limits;

    PdfChecks(DocumentInspector.Limits limits) {
        this.limits = limits;
    }

    /** Inspects; with {@code textOut} present, also extracts the text of the first pages into it. */
    void check(byte[] pdf, long deadlineNanos, Optional<Writer> textOut) {
        Set<String> names = rawNames(pdf);
        if (names.contains("Encrypt")) {
            throw new Exceeded(Refusal.ENCRYPTED, "The PDF is encrypted.");
        }
        for (String name : names) {
            String what = ACTIVE_NAMES.get(name);
            if (what != null) {
                throw activeContent(what);
            }
            if (REFUSED_FILTERS.contains(name)) {
                throw new Exceeded(Refusal.TOO_COMPLEX, "The PDF uses the " + name + " filter, which is not accepted.");
            }
        }
        rawStreams(pdf, budget(deadlineNanos));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                throw new Exceeded(Refusal.ENCRYPTED, "The PDF is encrypted.");
            }
            Budget budget = budget(deadlineNanos);
            objects(document.getDocument(), budget);
            int pages = document.getNumberOfPages();
            if (pages <= 0) {
                throw new Exceeded(Refusal.UNREADABLE, "The PDF has no pages.");
            }
            if (pages > limits.maxPages()) {
                throw new Exceeded(
                        Refusal.TOO_COMPLEX,
                        "The PDF has " + pages + " pages; at most " + limits.maxPages() + " are accepted.");
            }
            if (textOut.isPresent()) {
                DeadlineStripper stripper = new DeadlineStripper(budget);
                stripper.setStartPage(1);
                stripper.setEndPage(Math.min(limits.maxTextPages(), pages));
                stripper.writeText(document, textOut.get());
            }
        } catch (InvalidPasswordException e) {
            throw new Exceeded(Refusal.ENCRYPTED, "The PDF is encrypted.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof Exceeded exceeded) {
                throw exceeded;
            }
            throw new Exceeded(Refusal.UNREADABLE, "The PDF cannot be read.");
        }
    }

    private Budget budget(long deadlineNanos) {
        return new Budget(
                limits.maxStreamBytes(),
                limits.maxDocumentBytes(),
                limits.maxInflationRatio(),
                limits.ratioFloorBytes(),
                deadlineNanos);
    }

    private static Exceeded activeContent(String what) {
        return new Exceeded(
                Refusal.ACTIVE_CONTENT,
                "The PDF contains active content (" + what + "); only PDFs without scripts, actions, links to outside"
                        + " addresses, embedded files, XFA forms or rich media are accepted.");
    }

    /** Every PDF name in the raw bytes, {@code #xx} escapes decoded as a reader decodes them. */
    static Set<String> rawNames(byte[] pdf) {
        Set<String> names = new HashSet<>();
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < pdf.length) {
            if (pdf[i] != '/') {
                i++;
                continue;
            }
            name.setLength(0);
            i++;
            while (i < pdf.length && !isDelimiter(pdf[i]) && name.length() <= 64) {
                if (pdf[i] == '#' && i + 2 < pdf.length && hex(pdf[i + 1]) >= 0 && hex(pdf[i + 2]) >= 0) {
                    name.append((char) (hex(pdf[i + 1]) * 16 + hex(pdf[i + 2])));
                    i += 3;
                } else {
                    name.append((char) (pdf[i] & 0xFF));
                    i++;
                }
            }
            if (!name.isEmpty() && name.length() <= 64) {
                names.add(name.toString());
            }
        }
        return names;
    }

    /** Inflates what follows every {@code stream} keyword, nested layers included, within the budget. */
    static void rawStreams(byte[] pdf, Budget budget) {
        for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
            if (at > 0 && !isDelimiter(pdf[at - 1])) {
                continue;
            }
            int start = at + STREAM.length;
            while (start < pdf.length && pdf[start] == ' ') {
                start++;
            }
            if (start < pdf.length && pdf[start] == '\r') {
                start++;
            }
            if (start < pdf.length && pdf[start] == '\n') {
                start++;
            }
            if (start == at + STREAM.length) {
                continue;
            }
            budget.checkDeadline();
            try {
                Inflation.exhaust(new ByteArrayInputStream(pdf, start, pdf.length - start), budget, NESTED_LAYERS);
            } catch (IOException e) {
                // not deflate: nothing to count
            }
        }
    }

    /**
     * Every object of the cross-reference table: those at a file offset first (streams among them, object streams
     * included, each decoded from its raw bytes within the caps), then those inside object streams; every dictionary
     * checked for active content.
     */
    private void objects(COSDocument cos, Budget budget) throws IOException {
        Map<COSObjectKey, Long> xref = cos.getXrefTable();
        if (xref.size() > limits.maxObjects()) {
            throw new Exceeded(
                    Refusal.TOO_COMPLEX,
                    "The PDF has " + xref.size() + " objects; at most " + limits.maxObjects() + " are accepted.");
        }
        List<Map.Entry<COSObjectKey, Long>> entries = new ArrayList<>(xref.entrySet());
        entries.sort(Comparator.comparing(entry -> entry.getValue() == null || entry.getValue() < 0));
        for (Map.Entry<COSObjectKey, Long> entry : entries) {
            budget.checkDeadline();
            COSObject object = cos.getObjectFromPool(entry.getKey());
            COSBase base = object == null ? null : object.getObject();
            if (base instanceof COSStream stream) {
                stream(stream, budget);
            }
            active(base);
        }
        active(cos.getTrailer());
    }

    private void stream(COSStream stream, Budget budget) throws IOException {
        List<String> filters = filterNames(stream.getFilters());
        if (filters.size() > MAX_FILTERS) {
            throw new Exceeded(Refusal.TOO_COMPLEX, "A stream of the PDF has more than " + MAX_FILTERS + " filters.");
        }
        try (InputStream raw = stream.createRawInputStream()) {
            Counting counted = new Counting(raw);
            InputStream decoded = counted;
            for (int i = 0; i < filters.size(); i++) {
                String filter = filters.get(i);
                if (FLATE.contains(filter)) {
                    decoded = new Inflation.Layer(decoded, budget, counted::count);
                } else if (ASCII.contains(filter)) {
                    // ASCII filters are decoded whole: bounded, so a Flate layer of 'z's (ASCII85: 4 zero bytes each)
                    // cannot grow the heap before the budget counts it.
                    ByteArrayOutputStream out = new Bounded(MAX_ASCII_DECODED_BYTES);
                    FilterFactory.INSTANCE.getFilter(filter).decode(decoded, out, stream, i);
                    decoded = new ByteArrayInputStream(out.toByteArray());
                } else if (IMAGE.contains(filter) && i == filters.size() - 1) {
                    break;
                } else {
                    throw new Exceeded(
                            Refusal.TOO_COMPLEX,
                            "The PDF uses the " + filter + " filter"
                                    + (IMAGE.contains(filter) ? " before another filter" : "")
                                    + ", which is not accepted.");
                }
            }
            Inflation.drain(decoded, budget);
        }
    }

    private static List<String> filterNames(COSBase filters) {
        COSBase value = filters instanceof COSObject reference ? reference.getObject() : filters;
        List<String> names = new ArrayList<>();
        if (value instanceof COSName name) {
            names.add(name.getName());
        } else if (value instanceof COSArray array) {
            for (int i = 0; i < array.size() && i <= MAX_FILTERS; i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name.getName());
                } else {
                    throw new Exceeded(Refusal.UNREADABLE, "The PDF cannot be read.");
                }
            }
            if (array.size() > MAX_FILTERS) {
                names.add("...");
            }
        }
        return names;
    }

    /** Direct children only: indirect objects are visited from the cross-reference table. */
    private static void active(@Nullable COSBase root) {
        Deque<COSBase> pending = new ArrayDeque<>();
        if (root != null) {
            pending.push(root);
        }
        int visited = 0;
        while (!pending.isEmpty()) {
            COSBase item = pending.pop();
            if (++visited > 100_000) {
                throw new Exceeded(Refusal.TOO_COMPLEX, "An object of the PDF is too deeply nested.");
            }
            if (item instanceof COSDictionary dictionary) {
                for (COSName key : dictionary.keySet()) {
                    String what = ACTIVE_NAMES.get(key.getName());
                    if (what != null) {
                        throw activeContent(what);
                    }
                    if (key.getName().equals("EF")) {
                        throw activeContent("an embedded file");
                    }
                }
                for (COSName key : List.of(COSName.S, COSName.SUBTYPE, COSName.TYPE)) {
                    if (dictionary.getItem(key) instanceof COSName value) {
                        String what = ACTIVE_NAMES.get(value.getName());
                        if (what != null) {
                            throw activeContent(what);
                        }
                    }
                }
                for (COSBase value : dictionary.getValues()) {
                    if (!(value instanceof COSObject)) {
                        pending.push(value);
                    }
                }
            } else if (item instanceof COSArray array) {
                for (COSBase value : array) {
                    if (!(value instanceof COSObject)) {
                        pending.push(value);
                    }
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xFF), 16);
    }

    static boolean isDelimiter(byte b) {
        return switch (b) {
            case ' ', '\n', '\r', '\t', '\f', 0, '/', '<', '>', '[', ']', '(', ')', '{', '}', '%' -> true;
            default -> false;
        };
    }

    /** Counts the raw bytes read, against which every layer's ratio is judged. */
    private static final class Counting extends InputStream {
        private final InputStream in;
        private long count;

        Counting(InputStream in) {
            this.in = in;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** PDFTextStripper ignores interrupts: the deadline is checked on every page, string and 256 operators. */
    private static final class DeadlineStripper extends PDFTextStripper {
        private final Budget budget;
        private int operators;

        DeadlineStripper(Budget budget) {
            this.budget = budget;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            budget.checkDeadline();
            super.startPage(page);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            budget.checkDeadline();
            super.writeString(text, positions);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ((++operators & 0xFF) == 0) {
                budget.checkDeadline();
            }
            super.processOperator(operator, operands);
        }
    }
}
