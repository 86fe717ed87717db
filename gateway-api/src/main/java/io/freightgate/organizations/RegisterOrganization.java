package io.freightgate.organizations;

import io.freightgate.kernel.CountryCode;
import java.util.Objects;
import java.util.Optional;

/** Command: register a new carrier or shipper organization (a new tenant). */
public record RegisterOrganization(
        OrganizationType type, String legalName, CountryCode country, Optional<String> vatNumber, String contactEmail) {

    public RegisterOrganization {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(vatNumber, "vatNumber");
        if (type == OrganizationType.PLATFORM) {
            throw new IllegalArgumentException("The platform organization exists once and is not registered");
        }
        if (legalName == null || legalName.isBlank() || legalName.length() > 200) {
            throw new IllegalArgumentException("The legal name must have 1 to 200 characters");
        }
        if (contactEmail == null || !contactEmail.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
            throw new IllegalArgumentException("The contact email is not an email address");
        }
        legalName = legalName.strip();
    }
}
