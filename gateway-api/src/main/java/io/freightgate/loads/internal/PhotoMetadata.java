package io.freightgate.loads.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import io.freightgate.loads.internal.domain.GeoPoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/**
 * What a photo says about itself, read from its headers with metadata-extractor (no pixel is decoded): dimensions,
 * and the EXIF capture time, GPS position and orientation. A capture time without a zone is taken as UTC unless the
 * GPS time stamp (always UTC) is present.
 */
public record PhotoMetadata(
        int width,
        int height,
        Optional<Instant> capturedAt,
        Optional<GeoPoint> position,
        Optional<Integer> orientation) {

    /** The file is not a readable JPEG or PNG. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    public static PhotoMetadata read(byte[] content) throws Unreadable {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content), content.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            throw new Unreadable("The image's headers cannot be read");
        }
        Integer width = null;
        Integer height = null;
        try {
            JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
            PngDirectory png = metadata.getFirstDirectoryOfType(PngDirectory.class);
            if (jpeg != null) {
                width = jpeg.getImageWidth();
                height = jpeg.getImageHeight();
            } else if (png != null) {
                width = png.getInt(PngDirectory.TAG_IMAGE_WIDTH);
                height = png.getInt(PngDirectory.TAG_IMAGE_HEIGHT);
            }
        } catch (MetadataException e) {
            throw new Unreadable("The image's dimensions cannot be read");
        }
        if (width == null || height == null || width <= 0 || height <= 0) {
            throw new Unreadable("The image's dimensions cannot be read");
        }
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        Optional<GeoPoint> position = Optional.empty();
        Optional<Instant> gpsTime = Optional.empty();
        if (gps != null) {
            GeoLocation location = gps.getGeoLocation();
            if (location != null && !location.isZero()) {
                try {
                    position = Optional.of(new GeoPoint(location.getLatitude(), location.getLongitude()));
                } catch (IllegalArgumentException e) {
                    position = Optional.empty();
                }
            }
            gpsTime = Optional.ofNullable(gps.getGpsDate()).map(Date::toInstant);
        }
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        Optional<Instant> original = exif == null
                ? Optional.empty()
                : Optional.ofNullable(exif.getDateOriginal(TimeZone.getTimeZone("UTC")))
                        .map(Date::toInstant);
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Optional<Integer> orientation = ifd0 == null
                ? Optional.empty()
                : Optional.ofNullable(ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION));
        return new PhotoMetadata(width, height, gpsTime.or(() -> original), position, orientation);
    }
}
