package io.freightgate.loads;

import java.time.Instant;

/** One entry of a load's communication log, with its place in the hash chain. */
public record LogEntryView(
        long seq,
        Instant occurredAt,
        String channel,
        String author,
        String subject,
        String body,
        String previousHash,
        String hash) {}
