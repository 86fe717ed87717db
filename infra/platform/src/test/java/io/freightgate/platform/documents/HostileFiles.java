package io.freightgate.platform.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

/** Files that attack a document parser, and a clean one, built byte by byte or with PDFBox. */
public final class HostileFiles {

    private HostileFiles() {}

    /** A one-page PDF with a line of text. */
    public static byte[] cleanPdf(String line) {
        return write(document -> {
            PDPage page = document.getPage(0);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(50, 740);
                content.showText(line);
                content.endText();
            }
        });
    }

    public static byte[] openActionJavaScript() {
        return write(
                document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi');")));
    }

    public static byte[] launchAction() {
        return write(document -> {
            var launch = new PDActionLaunch();
            launch.getCOSObject().setString("F", "calc.exe");
            document.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] embeddedFile() {
        return write(document -> {
            var file = new PDEmbeddedFile(
                    document, new java.io.ByteArrayInputStream("MZ payload".getBytes(StandardCharsets.US_ASCII)));
            var spec = new PDComplexFileSpecification();
            spec.setFile("invoice.exe");
            spec.setEmbeddedFile(file);
            var tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("invoice.exe", spec));
            var names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
        });
    }

    /**
     * About 10 KB: one page whose content stream is {@code [/FlateDecode /FlateDecode]} over {@code decodedMiB} MiB
     * of zeros (deflate of deflate, the inner layer made of one repeated full-flush segment).
     */
    public static byte[] pdfBomb(int decodedMiB) {
        byte[] inner = zeros(decodedMiB);
        byte[] outer = deflate(inner, true);
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"));
        var stream = new ByteArrayOutputStream();
        stream.writeBytes(ascii("<< /Length " + outer.length + " /Filter [/FlateDecode /FlateDecode] >>\nstream\n"));
        stream.writeBytes(outer);
        stream.writeBytes(ascii("\nendstream"));
        objects.add(stream.toByteArray());
        return pdf(objects);
    }

    /**
     * A page whose content stream is {@code [/FlateDecode /ASCII85Decode]}: the Flate layer holds {@code zMiB} MiB of
     * ASCII85 {@code z} characters (a ratio a deflate layer reaches), each of which decodes to four zero bytes.
     */
    public static byte[] ascii85ZeroBomb(int zMiB) {
        byte[] zs = new byte[1 << 20];
        java.util.Arrays.fill(zs, (byte) 'z');
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        var outer = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < zMiB; i++) {
            deflater.setInput(zs);
            while (!deflater.needsInput()) {
                outer.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.setInput(ascii("~>"));
        deflater.finish();
        while (!deflater.finished()) {
            outer.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] flate = outer.toByteArray();
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"));
        var stream = new ByteArrayOutputStream();
        stream.writeBytes(ascii("<< /Length " + flate.length + " /Filter [/FlateDecode /ASCII85Decode] >>\nstream\n"));
        stream.writeBytes(flate);
        stream.writeBytes(ascii("\nendstream"));
        objects.add(stream.toByteArray());
        return pdf(objects);
    }

    /** A PNG that declares {@code width} x {@code height} (and has no pixels). */
    public static byte[] pngHeader(int width, int height) {
        return png(width, height, new byte[0]);
    }

    /** A 64 x 64 PNG whose zTXt chunk inflates to {@code decodedMiB} MiB. */
    public static byte[] pngTextBomb(int decodedMiB) {
        var data = new ByteArrayOutputStream();
        data.writeBytes(ascii("Comment"));
        data.write(0);
        data.write(0);
        data.writeBytes(zlib(zeros(decodedMiB)));
        return png(64, 64, chunk("zTXt", data.toByteArray()));
    }

    /** Raw deflate of {@code mib} MiB of zeros, from one full-flush segment repeated. */
    static byte[] zeros(int mib) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[1 << 20]);
        byte[] buffer = new byte[64 * 1024];
        int segment = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
        deflater.end();
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < mib; i++) {
            out.write(buffer, 0, segment);
        }
        out.writeBytes(new byte[] {3, 0});
        return out.toByteArray();
    }

    private static byte[] zlib(byte[] rawDeflate) {
        var out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0x01);
        out.writeBytes(rawDeflate);
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean zlib) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, !zlib);
        deflater.setInput(data);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] png(int width, int height, byte[] extra) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(chunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put(new byte[] {8, 2, 0, 0, 0})
                        .array()));
        out.writeBytes(extra);
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(ascii(type))
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] pdf(List<byte[]> objects) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.4\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append("%010d 00000 n \n".formatted(offset)));
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private interface Change {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] write(Change change) {
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            change.apply(document);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static COSName name(String name) {
        return COSName.getPDFName(name);
    }
}
