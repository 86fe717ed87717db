package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.time.LocalDate;

/** Event: a verified organization's insurance or licence expires soon; notify it to upload the renewal. */
public record VerificationDocumentExpiring(TenantId organization, DocumentKind kind, LocalDate expiresOn) {}
