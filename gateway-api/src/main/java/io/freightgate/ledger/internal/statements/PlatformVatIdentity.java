package io.freightgate.ledger.internal.statements;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code freightgate.platform.*}: the platform's legal name, its VAT member state and its VAT number, as its fee
 * statements name them. The member state is a VIES code ({@code GR} is accepted for Greece and becomes {@code EL}); the
 * number is written with that prefix ({@code DE136695976}). Refused at start-up when blank or inconsistent.
 */
@ConfigurationProperties(prefix = "freightgate.platform")
public record PlatformVatIdentity(String legalName, String vatCountry, String vatNumber) {

    public PlatformVatIdentity {
        if (legalName == null || legalName.isBlank()) {
            throw new IllegalArgumentException("freightgate.platform.legal-name must be set");
        }
        if (vatCountry == null || !vatCountry.strip().matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("freightgate.platform.vat-country must be a two-letter member state");
        }
        legalName = legalName.strip();
        vatCountry = viesCode(vatCountry);
        vatNumber = vatNumber == null ? "" : vatNumber.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        if (!vatNumber.startsWith(vatCountry) || vatNumber.length() < vatCountry.length() + 2) {
            throw new IllegalArgumentException(
                    "freightgate.platform.vat-number must be the platform's VAT number with its prefix " + vatCountry);
        }
    }

    /** The VIES code of a member state: upper case, Greece as {@code EL}. */
    static String viesCode(String country) {
        String code = country.strip().toUpperCase(Locale.ROOT);
        return code.equals("GR") ? "EL" : code;
    }
}
