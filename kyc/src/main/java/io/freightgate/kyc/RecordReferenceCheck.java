package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Command (compliance): record what a commercial reference said when contacted. */
public record RecordReferenceCheck(
        TenantId organization,
        UUID reference,
        ReferenceStatus status,
        @Nullable String notes) {

    public RecordReferenceCheck {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        notes = Texts.optional(notes, "notes", 2000);
    }
}
