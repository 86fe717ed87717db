package io.freightgate.security.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RecoveryCodesTests {

    private final SecureRandom random = new SecureRandom();

    @Test
    void tenCodesOfAHundredRandomBitsEachInFourGroupsOfFiveBase32Characters() {
        var issued = RecoveryCodes.issue(random);

        assertThat(issued.codes()).hasSize(RecoveryCodes.COUNT).doesNotHaveDuplicates();
        assertThat(issued.codes()).allMatch(code -> code.matches("[a-z2-7]{5}(-[a-z2-7]{5}){3}"));
        assertThat(RecoveryCodes.ENTROPY_BITS).isGreaterThanOrEqualTo(80);
        assertThat(issued.toString()).doesNotContain(issued.codes().getFirst());
    }

    @Test
    void eachCodeIsStoredAsASaltedHashThatNeverContainsTheCode() {
        var issued = RecoveryCodes.issue(random);

        assertThat(issued.hashes())
                .hasSize(RecoveryCodes.COUNT)
                .allMatch(hash -> hash.matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"));
        for (int i = 0; i < RecoveryCodes.COUNT; i++) {
            assertThat(issued.hashes().get(i))
                    .doesNotContain(issued.codes().get(i).replace("-", ""));
        }
        assertThat(issued.hashes().stream().map(hash -> hash.split("\\.")[0]).distinct())
                .hasSize(RecoveryCodes.COUNT);
    }

    @Test
    void aCodeMatchesItsOwnHashWhateverItsCaseDashesAndSpaces() {
        var issued = RecoveryCodes.issue(random);
        String code = issued.codes().get(7);

        assertThat(RecoveryCodes.match(issued.hashes(), code)).isEqualTo(OptionalInt.of(7));
        assertThat(RecoveryCodes.match(issued.hashes(), code.toUpperCase().replace("-", " ")))
                .isEqualTo(OptionalInt.of(7));
        assertThat(RecoveryCodes.match(issued.hashes(), code.replace("-", ""))).isEqualTo(OptionalInt.of(7));
    }

    @Test
    void anotherEnrolmentsCodeAWrongCodeAndNothingDoNotMatch() {
        var issued = RecoveryCodes.issue(random);
        String foreign = RecoveryCodes.issue(random).codes().getFirst();
        String code = issued.codes().getFirst();
        String altered = (code.charAt(0) == 'a' ? "b" : "a") + code.substring(1);

        assertThat(RecoveryCodes.match(issued.hashes(), foreign)).isEmpty();
        assertThat(RecoveryCodes.match(issued.hashes(), altered)).isEmpty();
        assertThat(RecoveryCodes.match(issued.hashes(), "")).isEmpty();
        assertThat(RecoveryCodes.match(issued.hashes(), null)).isEmpty();
        assertThat(RecoveryCodes.match(List.of(), code)).isEmpty();
    }

    @Test
    void theUnsaltedHashesOfBeforeNeverMatch() throws Exception {
        String oldCode = "0a1b2-c3d4e";
        String oldHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(("recovery:" + oldCode).getBytes(StandardCharsets.UTF_8)));

        assertThat(RecoveryCodes.match(List.of(oldHash, "not.base64!", "x.y.z"), oldCode))
                .isEmpty();
    }
}
