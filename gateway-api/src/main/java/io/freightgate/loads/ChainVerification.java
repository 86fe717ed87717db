package io.freightgate.loads;

import java.time.Instant;
import java.util.Optional;

/** The result of re-computing a communication log's hash chain: intact, or the first entry that does not match. */
public record ChainVerification(
        boolean intact, int entries, Optional<Long> firstBrokenSeq, String headHash, Instant verifiedAt) {}
