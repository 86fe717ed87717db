package io.freightgate.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VatNumbersTest {

    private final VatNumbers vatNumbers = new VatNumbers();

    @Test
    void valid_numbers_give_the_vies_country_code_and_the_bare_number() {
        VatValidation result = vatNumbers.validate("gr 094 259 216");

        assertThat(result).isEqualTo(new VatValidation.Valid("EL", "GR", "094259216"));
        assertThat(result.normalized()).isEqualTo("EL094259216");
    }

    @Test
    void each_failure_says_which_part_failed() {
        assertThat(vatNumbers.validate("GB980780684")).isInstanceOf(VatValidation.UnknownCountry.class);
        assertThat(vatNumbers.validate("DE12345678X")).isInstanceOf(VatValidation.InvalidFormat.class);
        assertThat(vatNumbers.validate("DE12345678")).isEqualTo(new VatValidation.InvalidLength("DE", "DE12345678", 8));
        assertThat(vatNumbers.validate("DE", "125014855"))
                .isEqualTo(new VatValidation.InvalidCheckDigit("DE", "DE125014855"));
    }

    @Test
    void a_caller_can_switch_exhaustively() {
        String verdict =
                switch (vatNumbers.validate("ATU13585627")) {
                    case VatValidation.Valid v -> "valid " + v.countryCode();
                    case VatValidation.UnknownCountry u -> "unknown " + u.prefix();
                    case VatValidation.InvalidFormat f -> "format";
                    case VatValidation.InvalidLength l -> "length";
                    case VatValidation.InvalidCheckDigit c -> "check";
                };
        assertThat(verdict).isEqualTo("valid AT");
    }

    @Test
    void lists_the_28_vies_member_state_codes() {
        assertThat(VatNumbers.memberStates()).hasSize(28).contains("EL", "XI").doesNotContain("GR", "GB");
    }
}
