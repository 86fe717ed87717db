package io.freightgate.kyc.internal.domain.vat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The national forms beside the common company number (issue 16, items 14 and 15): Romanian individuals' personal
 * numeric codes (CNP), Northern Irish government-department and health-authority numbers, Latvian personal codes and
 * Czech birth numbers on both sides of 1954 and 1985. Each form: valid, a wrong check digit (where it has one), out of
 * range.
 */
class NationalFormsTests {

    private final VatNumberValidator validator = new VatNumberValidator();

    // ---- RO: CNP SYYMMDDJJNNNC, weights 279146358279, sum mod 11 with 10 -> 1 ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "RO1800101221144", // man born 1 Jan 1980, county 22
                "RO 2960215401234", // woman born 15 Feb 1996, county 40
                "RO5031231123452", // man born 31 Dec 2003 (5: 2000s), county 12
                "RO7600708520014", // resident, county 52 (the last)
                "RO1850615401031", // remainder 10 -> check digit 1
                "RO2850605050016", // county 05
            })
    void aRomanianIndividualsPersonalNumericCodeIsAVatCode(String number) {
        assertThat(validator.validate(number))
                .isInstanceOfSatisfying(
                        VatCheck.Valid.class,
                        valid -> assertThat(valid.normalized()).hasSize(15).startsWith("RO"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RO1800101221145", "RO2960215401230", "RO1850615401030", "RO1850615401039"})
    void aCnpWithAWrongCheckDigitIsRefused(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidCheckDigit.class);
    }

    @ParameterizedTest
    @CsvSource({
        "RO0800101221144, does not start with 0",
        "RO1801301221144, impossible birth date", // month 13
        "RO1800132221144, impossible birth date", // 32 January
        "RO1810229221144, impossible birth date", // 29 February 1981
        "RO1800101001144, county code 00",
        "RO1800101531144, county code 53",
        "RO1800101991144, county code 99",
    })
    void aCnpOutOfRangeIsAFormatError(String number, String why) {
        assertThat(validator.validate(number)).as(why).isInstanceOf(VatCheck.InvalidFormat.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RO18001012211", "RO180010122114", "RO18001012211440"})
    void elevenTwelveOrFourteenDigitsAreNeitherACuiNorACnp(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidLength.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RO1840229221147", "RO6000229400017"})
    void aCnpBornOnALeapDayIsValid(String number) {
        // 29 Feb 1984 and 29 Feb 2000 exist
        assertThat(validator.validate(number.substring(0, 14) + cnpCheck(number.substring(2, 14))))
                .isInstanceOf(VatCheck.Valid.class);
    }

    private static int cnpCheck(String twelve) {
        int[] w = {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9};
        int s = 0;
        for (int i = 0; i < 12; i++) {
            s += w[i] * (twelve.charAt(i) - '0');
        }
        return s % 11 == 10 ? 1 : s % 11;
    }

    // ---- XI: GD000-GD499 (government departments), HA500-HA999 (health authorities); no check digit ----

    @ParameterizedTest
    @ValueSource(strings = {"XIGD000", "XIGD100", "XI GD499", "XIHA500", "XI-HA501", "XIHA999", "xi gd 123"})
    void northernIrishGovernmentDepartmentsAndHealthAuthoritiesAreValid(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XIGD500", "XIGD999", "XIHA000", "XIHA499"})
    void aGovernmentDepartmentAbove499OrAHealthAuthorityBelow500IsOutOfRange(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidFormat.class);
    }

    @ParameterizedTest
    @CsvSource({"XIGD12, LENGTH", "XIHA5000, LENGTH", "XIGD8888100, LENGTH", "XIGDX12, FORMAT", "XIHB500, FORMAT"})
    void otherGovernmentShapesAreRefused(String number, String part) {
        assertThat(validator.validate(number))
                .isInstanceOf(part.equals("LENGTH") ? VatCheck.InvalidLength.class : VatCheck.InvalidFormat.class);
    }

    // ---- LV: personal codes, old DDMMYYCNNNX (C: 0 1800s, 1 1900s, 2 2000s) and new 32...; (1 + Σ) mod 11 mod 10 ----

    @ParameterizedTest
    @ValueSource(strings = {"LV15068510122", "LV29020021239", "LV32123456785", "LV01011900000"})
    void latvianPersonalCodesAreValid(String number) {
        // 15 Jun 1985; 29 Feb 2000 (leap); the new 32 form; 1 Jan 1819
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LV15068510123", "LV29020021230", "LV32123456784"})
    void aLatvianPersonalCodeWithAWrongCheckDigitIsRefused(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidCheckDigit.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "LV29020010000", // 29 Feb 1900: not a leap year
                "LV31000012346", // month 00
                "LV30028510122", // 30 February
            })
    void aLatvianPersonalCodeWithAnImpossibleBirthDateIsAFormatError(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidFormat.class);
    }

    // ---- CZ: birth numbers (RČ): 9 digits until 1953, no check digit; 10 digits from 1954, mod 11 ----

    @ParameterizedTest
    @ValueSource(strings = {"CZ530101123", "CZ 005101/123", "CZ801231999"})
    void nineDigitBirthNumbersFromBefore1954AreValid(String number) {
        // 1 Jan 1953; a woman (+50) born 1 Jan 1900; 31 Dec 1880
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CZ540101123", "CZ790101123"})
    void nineDigitBirthNumbersWereNotIssuedFrom1954(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidLength.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CZ530230123", "CZ531301123"})
    void aNineDigitBirthNumberNeedsARealDate(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidFormat.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CZ8651010005", "CZ 860101/0110"})
    void tenDigitBirthNumbersAfter1985AreValid(String number) {
        // a woman (+50) born 1 Jan 1986; a man born 1 Jan 1986
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CZ8601010100", "CZ8601010101", "CZ8601010109"})
    void after1985ARemainderOfTenHasNoValidCheckDigit(String number) {
        // 860101010 mod 11 = 10: allowed (as check digit 0) only before 1985
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidCheckDigit.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CZ8001010040"})
    void before1985ARemainderOfTenGivesCheckDigitZero(String number) {
        // 800101004 mod 11 = 10
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.Valid.class);
        assertThat(validator.validate(number.substring(0, 11) + "1")).isInstanceOf(VatCheck.InvalidCheckDigit.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CZ8651010006", "CZ8601010113"})
    void aTenDigitBirthNumberWithAWrongCheckDigitIsRefused(String number) {
        assertThat(validator.validate(number)).isInstanceOf(VatCheck.InvalidCheckDigit.class);
    }
}
