package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: add a document to the organization's case. PDF, JPEG or PNG, judged by content; a PDF with JavaScript,
 * launch actions or encryption is refused. A new upload of a kind supersedes the previous one.
 *
 * @param expiresOn required for {@link DocumentKind#expiryRequired() insurance}, optional for the licence
 */
public record UploadDocument(
        TenantId organization, DocumentKind kind, String fileName, byte[] content, Optional<LocalDate> expiresOn) {

    public UploadDocument {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(expiresOn, "expiresOn");
    }
}
