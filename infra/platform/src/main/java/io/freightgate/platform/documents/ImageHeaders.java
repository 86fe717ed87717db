package io.freightgate.platform.documents;

import io.freightgate.platform.documents.DocumentInspector.ImageSize;
import io.freightgate.platform.documents.DocumentInspector.Refusal;
import io.freightgate.platform.documents.Inflation.Budget;
import io.freightgate.platform.documents.Inflation.Exceeded;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * An image's width and height read from its header (PNG {@code IHDR}, JPEG start-of-frame) before anything else reads
 * it, and a PNG's compressed metadata chunks ({@code zTXt}, {@code iTXt}, {@code iCCP}, which metadata readers
 * inflate whole) inflated within the caps. No pixel is decoded.
 */
final class ImageHeaders {

    private ImageHeaders() {}

    static ImageSize png(byte[] png, Budget budget) {
        if (png.length < 33 || readInt(png, 8) != 13 || !type(png, 12, "IHDR")) {
            throw new Exceeded(Refusal.UNREADABLE, "The image's headers cannot be read.");
        }
        long width = readInt(png, 16) & 0xFFFFFFFFL;
        long height = readInt(png, 20) & 0xFFFFFFFFL;
        return size(width, height);
    }

    /** Inflates the compressed metadata chunks of a PNG within the budget (the pixels, IDAT, are never read). */
    static void pngMetadata(byte[] png, Budget budget) {
        int at = 8;
        while (at + 12 <= png.length) {
            budget.checkDeadline();
            long length = readInt(png, at) & 0xFFFFFFFFL;
            if (length > png.length - at - 12) {
                return;
            }
            int data = at + 8;
            int end = data + (int) length;
            if (type(png, at + 4, "zTXt") || type(png, at + 4, "iCCP")) {
                int zero = indexOfZero(png, data, end);
                inflate(png, zero + 2, end, budget);
            } else if (type(png, at + 4, "iTXt")) {
                int zero = indexOfZero(png, data, end);
                if (zero + 1 < end && png[zero + 1] == 1) {
                    int language = indexOfZero(png, zero + 3, end);
                    int translated = indexOfZero(png, language + 1, end);
                    inflate(png, translated + 1, end, budget);
                }
            } else if (type(png, at + 4, "IEND")) {
                return;
            }
            at = end + 4;
        }
    }

    static ImageSize jpeg(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                break;
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                at += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame && at + 9 <= jpeg.length) {
                int height = ((jpeg[at + 5] & 0xFF) << 8) | (jpeg[at + 6] & 0xFF);
                int width = ((jpeg[at + 7] & 0xFF) << 8) | (jpeg[at + 8] & 0xFF);
                return size(width, height);
            }
            if (length < 2) {
                break;
            }
            at += 2 + length;
        }
        throw new Exceeded(Refusal.UNREADABLE, "The image's dimensions cannot be read.");
    }

    private static ImageSize size(long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new Exceeded(Refusal.UNREADABLE, "The image's dimensions cannot be read.");
        }
        return new ImageSize(width, height);
    }

    private static void inflate(byte[] png, int from, int end, Budget budget) {
        if (from >= end) {
            return;
        }
        try {
            Inflation.exhaust(new ByteArrayInputStream(png, from, end - from), budget, 1);
        } catch (IOException e) {
            // not deflate: the metadata reader will say the header is unreadable
        }
    }

    private static int indexOfZero(byte[] bytes, int from, int end) {
        for (int i = Math.max(from, 0); i < end; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return end;
    }

    private static boolean type(byte[] bytes, int at, String type) {
        for (int i = 0; i < 4; i++) {
            if (bytes[at + i] != type.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24)
                | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
