package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Command: add a commercial reference (a shipper or carrier the organization works with).
 *
 * @param contact the person to ask and how (name, phone or email); personal data, stored encrypted
 * @param relationship how they work together, e.g. "regular shipper since 2019, 40 loads a month"
 */
public record AddReference(
        TenantId organization,
        String company,
        String contact,
        String relationship,
        @Nullable String notes) {

    public AddReference {
        Objects.requireNonNull(organization, "organization");
        company = Texts.required(company, "company", 200);
        contact = Texts.required(contact, "contact", 300);
        relationship = Texts.required(relationship, "relationship", 500);
        notes = Texts.optional(notes, "notes", 2000);
    }
}
