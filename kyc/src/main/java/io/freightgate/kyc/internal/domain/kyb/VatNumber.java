package io.freightgate.kyc.internal.domain.kyb;

import java.util.Objects;

/** An offline-valid VAT number as VIES wants it: member state code ({@code EL} for Greece) and number. */
public record VatNumber(String memberState, String number) {

    public VatNumber {
        Objects.requireNonNull(memberState, "memberState");
        Objects.requireNonNull(number, "number");
    }

    public String normalized() {
        return memberState + number;
    }
}
