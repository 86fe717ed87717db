package io.freightgate.kyc;

import io.freightgate.kyc.internal.domain.vat.VatCheck;
import io.freightgate.kyc.internal.domain.vat.VatCountry;
import io.freightgate.kyc.internal.domain.vat.VatNumberValidator;
import java.util.Arrays;
import java.util.List;

/**
 * Offline EU VAT number validation for other modules: normalization, format, length and check digit for the 27 member
 * states and {@code XI}, without any network call. Stateless and thread-safe; create one and share it (or declare it as
 * a bean). Whether a valid number is actually registered is a question for VIES.
 */
public final class VatNumbers {

    private static final List<String> MEMBER_STATES =
            Arrays.stream(VatCountry.values()).map(VatCountry::viesCode).toList();

    private final VatNumberValidator validator = new VatNumberValidator();

    /** Validates a number written with its prefix, e.g. {@code "DE 136 695 976"}, {@code "GR094259216"}. */
    public VatValidation validate(String vatNumber) {
        return toApi(validator.validate(vatNumber));
    }

    /**
     * Validates a number whose member state is given separately (VAT prefix or ISO code; {@code GR} accepted). The
     * number may repeat the prefix once.
     */
    public VatValidation validate(String countryCode, String number) {
        return toApi(validator.validate(countryCode, number));
    }

    /** The VIES member state codes, {@code AT} to {@code SK} and {@code XI} (Greece is {@code EL}). */
    public static List<String> memberStates() {
        return MEMBER_STATES;
    }

    private static VatValidation toApi(VatCheck check) {
        return switch (check) {
            case VatCheck.Valid v ->
                new VatValidation.Valid(v.country().viesCode(), v.country().isoCode(), v.number());
            case VatCheck.UnknownCountry u -> new VatValidation.UnknownCountry(u.normalized(), u.prefix());
            case VatCheck.InvalidFormat f ->
                new VatValidation.InvalidFormat(f.country().viesCode(), f.normalized(), f.reason());
            case VatCheck.InvalidLength l ->
                new VatValidation.InvalidLength(l.country().viesCode(), l.normalized(), l.length());
            case VatCheck.InvalidCheckDigit c ->
                new VatValidation.InvalidCheckDigit(c.country().viesCode(), c.normalized());
        };
    }
}
