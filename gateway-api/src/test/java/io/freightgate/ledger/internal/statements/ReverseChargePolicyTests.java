package io.freightgate.ledger.internal.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.ledger.CarrierVatStatus.VatStanding;
import io.freightgate.ledger.FeeStatementView.VatTreatment;
import io.freightgate.ledger.FeeStatementView.VatTreatment.NoReverseCharge;
import io.freightgate.ledger.FeeStatementView.VatTreatment.Reason;
import io.freightgate.ledger.FeeStatementView.VatTreatment.ReverseCharge;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reverse charge applies to a VIES-confirmed number of another member state, and to nothing else. */
class ReverseChargePolicyTests {

    static final PlatformVatIdentity GERMAN_PLATFORM = new PlatformVatIdentity("FreightGate GmbH", "DE", "DE136695976");

    @Test
    void aViesValidNumberOfAnotherMemberStateIsReverseChargedWithBothNumbers() {
        VatTreatment treatment =
                ReverseChargePolicy.decide(Optional.of(new VatStanding("FR83404833048", "FR", true)), GERMAN_PLATFORM);

        assertThat(treatment)
                .isEqualTo(new ReverseCharge(
                        "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive"
                                + " 2006/112/EC)",
                        "FR83404833048",
                        "FR",
                        "DE136695976",
                        "DE"));
    }

    @Test
    void aNumberOfThePlatformsOwnMemberStateIsNotReverseCharged() {
        assertThat(ReverseChargePolicy.decide(Optional.of(new VatStanding("DE811907980", "DE", true)), GERMAN_PLATFORM))
                .isEqualTo(new NoReverseCharge(Reason.SAME_MEMBER_STATE));
    }

    @Test
    void aNumberViesDidNotConfirmIsNotReverseCharged() {
        // invalid, unknown (no answer) and not yet checked all arrive as "not VIES-valid"
        assertThat(ReverseChargePolicy.decide(
                        Optional.of(new VatStanding("FR83404833048", "FR", false)), GERMAN_PLATFORM))
                .isEqualTo(new NoReverseCharge(Reason.NOT_CONFIRMED_BY_VIES));
    }

    @Test
    void aCarrierWithoutAVatNumberIsNotReverseCharged() {
        assertThat(ReverseChargePolicy.decide(Optional.empty(), GERMAN_PLATFORM))
                .isEqualTo(new NoReverseCharge(Reason.NO_VAT_NUMBER));
    }

    @Test
    void aNorthernIrelandNumberIsNotAMemberStateForServices() {
        assertThat(ReverseChargePolicy.decide(Optional.of(new VatStanding("XI123456782", "XI", true)), GERMAN_PLATFORM))
                .isEqualTo(new NoReverseCharge(Reason.NOT_AN_EU_MEMBER_STATE));
    }

    @Test
    void greeceIsComparedByItsViesCodeWhicheverWayThePlatformWritesIt() {
        var greekPlatform = new PlatformVatIdentity("FreightGate AE", "gr", "EL 094259216");
        assertThat(greekPlatform.vatCountry()).isEqualTo("EL");
        assertThat(greekPlatform.vatNumber()).isEqualTo("EL094259216");

        assertThat(ReverseChargePolicy.decide(Optional.of(new VatStanding("EL123456783", "EL", true)), greekPlatform))
                .isEqualTo(new NoReverseCharge(Reason.SAME_MEMBER_STATE));
        assertThat(ReverseChargePolicy.decide(Optional.of(new VatStanding("DE811907980", "DE", true)), greekPlatform))
                .isInstanceOf(ReverseCharge.class);
    }

    @Test
    void thePlatformsIdentityMustBeCompleteAndConsistent() {
        assertThatThrownBy(() -> new PlatformVatIdentity("FreightGate", "DE", "FR83404833048"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix DE");
        assertThatThrownBy(() -> new PlatformVatIdentity("FreightGate", "DE", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformVatIdentity(" ", "DE", "DE136695976"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformVatIdentity("FreightGate", "Germany", "DE136695976"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
