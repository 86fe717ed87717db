package io.freightgate.loads.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HashChainTests {

    static final UUID LOAD = UUID.fromString("6f1c1bb8-5f55-4b8a-9a51-2d7f3c1f0a01");
    static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456Z");

    static List<HashChain.Entry> chain(String... bodies) {
        List<HashChain.Entry> entries = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 0; i < bodies.length; i++) {
            long seq = i + 1;
            String hash = HashChain.hashOf(previous, LOAD, seq, AT.plusSeconds(i), "API", "user-1", "", bodies[i]);
            entries.add(
                    new HashChain.Entry(LOAD, seq, AT.plusSeconds(i), "API", "user-1", "", bodies[i], previous, hash));
            previous = hash;
        }
        return entries;
    }

    @Test
    void anUntouchedChainVerifiesAndItsHeadIsTheLastHash() {
        var entries = chain("Truck loaded", "ETA 14:00", "Delivered, signed by J. Smit");
        var result = HashChain.verify(entries);
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.headHash()).isEqualTo(entries.getLast().hash()).hasSize(64);
        assertThat(HashChain.verify(List.of()).intact()).isTrue();
    }

    @Test
    void anEditedBodyBreaksTheChainAtThatEntry() {
        var entries = new ArrayList<>(chain("Truck loaded", "ETA 14:00", "Delivered"));
        var second = entries.get(1);
        entries.set(
                1,
                new HashChain.Entry(
                        LOAD,
                        2,
                        second.occurredAt(),
                        "API",
                        "user-1",
                        "",
                        "ETA 18:00",
                        second.previousHash(),
                        second.hash()));
        var result = HashChain.verify(entries);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).contains(2L);
    }

    @Test
    void aDeletedEntryBreaksTheChain() {
        var entries = new ArrayList<>(chain("a", "b", "c"));
        entries.remove(1);
        assertThat(HashChain.verify(entries).firstBrokenSeq()).contains(3L);
    }

    @Test
    void theCanonicalFormLengthPrefixesFieldsSoShiftingTextBetweenFieldsChangesTheHash() {
        String one = HashChain.hashOf(HashChain.GENESIS, LOAD, 1, AT, "API", "ab", "", "c");
        String two = HashChain.hashOf(HashChain.GENESIS, LOAD, 1, AT, "API", "a", "", "bc");
        assertThat(one).isNotEqualTo(two);
    }
}
