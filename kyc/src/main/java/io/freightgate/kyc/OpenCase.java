package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: open the KYB case of an organization (one per organization). The VAT number, when given, must pass the
 * offline check for its member state.
 *
 * @param country ISO 3166-1 alpha-2 code of the organization's seat
 * @param representativeName the legal representative; personal data, stored encrypted and screened against sanctions
 */
public record OpenCase(
        TenantId organization,
        OrganizationKind kind,
        String legalName,
        String country,
        Optional<String> vatNumber,
        String representativeName) {

    public OpenCase {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vatNumber, "vatNumber");
        legalName = Texts.required(legalName, "legalName", 200);
        representativeName = Texts.required(representativeName, "representativeName", 200);
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code");
        }
    }
}
