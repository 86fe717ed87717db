package io.freightgate.loads.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The communication log's hash chain. Each entry's hash is SHA-256 over the previous entry's hash and the entry's
 * canonical form (every field length-prefixed, so no two different entries share a form); the first entry's
 * predecessor is 64 zeros. Changing, removing or reordering any entry changes every hash after it.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    /** The fields of an entry that its hash covers. */
    public record Entry(
            UUID loadId,
            long seq,
            Instant occurredAt,
            String channel,
            String author,
            String subject,
            String body,
            String previousHash,
            String hash) {}

    /** Where a chain breaks, if it does. */
    public record Verification(boolean intact, int entries, Optional<Long> firstBrokenSeq, String headHash) {}

    public static String canonical(
            UUID loadId, long seq, Instant occurredAt, String channel, String author, String subject, String body) {
        var out = new StringBuilder();
        for (String field : List.of(
                loadId.toString(),
                Long.toString(seq),
                occurredAt.truncatedTo(ChronoUnit.MICROS).toString(),
                channel,
                author,
                subject,
                body)) {
            out.append(field.length()).append(':').append(field).append('\n');
        }
        return out.toString();
    }

    public static String hash(String previousHash, String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            digest.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash an entry must carry after {@code previousHash}. */
    public static String hashOf(
            String previousHash,
            UUID loadId,
            long seq,
            Instant occurredAt,
            String channel,
            String author,
            String subject,
            String body) {
        return hash(previousHash, canonical(loadId, seq, occurredAt, channel, author, subject, body));
    }

    /** Re-computes the chain from the first entry; entries must be in sequence order. */
    public static Verification verify(List<Entry> entries) {
        String previous = GENESIS;
        long expectedSeq = 1;
        for (Entry entry : entries) {
            String expected = hashOf(
                    previous,
                    entry.loadId(),
                    entry.seq(),
                    entry.occurredAt(),
                    entry.channel(),
                    entry.author(),
                    entry.subject(),
                    entry.body());
            if (entry.seq() != expectedSeq
                    || !entry.previousHash().equals(previous)
                    || !entry.hash().equals(expected)) {
                return new Verification(false, entries.size(), Optional.of(entry.seq()), previous);
            }
            previous = entry.hash();
            expectedSeq++;
        }
        return new Verification(true, entries.size(), Optional.empty(), previous);
    }
}
