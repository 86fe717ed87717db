package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Command (compliance): approve the case. */
public record ApproveCase(TenantId organization, @Nullable String note) {

    public ApproveCase {
        Objects.requireNonNull(organization, "organization");
        note = Texts.optional(note, "note", 2000);
    }
}
