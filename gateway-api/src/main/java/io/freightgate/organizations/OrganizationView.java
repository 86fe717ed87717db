package io.freightgate.organizations;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * An organization as the rest of FreightGate sees it; the contact email is decrypted, or empty when erased.
 * {@code secondFactorRequired}: its people must log in with TOTP.
 */
public record OrganizationView(
        TenantId id,
        OrganizationType type,
        String legalName,
        CountryCode country,
        Optional<String> vatNumber,
        Optional<String> contactEmail,
        Instant createdAt,
        boolean secondFactorRequired) {

    /** An organization that does not require a second factor of its people. */
    public OrganizationView(
            TenantId id,
            OrganizationType type,
            String legalName,
            CountryCode country,
            Optional<String> vatNumber,
            Optional<String> contactEmail,
            Instant createdAt) {
        this(id, type, legalName, country, vatNumber, contactEmail, createdAt, false);
    }
}
