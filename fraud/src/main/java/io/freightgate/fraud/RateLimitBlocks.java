package io.freightgate.fraud;

import io.freightgate.fraud.internal.ratelimit.BlockRecords;
import io.freightgate.fraud.internal.ratelimit.RedisBlockList;
import io.freightgate.platform.ratelimit.Throttle;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The rate-limit block list as risk analysts see it: the keys blocked for repeated limit hits or failures (card
 * testing on a pay link among them), and lifting one before its end with a reason. Reads and lifts go through the
 * audited system path; a lift also ends the live block in Redis and gives the key fresh buckets for the action.
 */
@Service
public class RateLimitBlocks {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBlocks.class);

    private static final Reach ANALYSTS = Reach.acrossTenants("risk analysts work the rate-limit block list");
    private static final int SHOWN = 1_000;

    private final BlockRecords records;
    private final RedisBlockList live;
    private final Throttle throttle;
    private final SystemAccess systemAccess;
    private final Clock clock;

    RateLimitBlocks(
            BlockRecords records, RedisBlockList live, Throttle throttle, SystemAccess systemAccess, Clock clock) {
        this.records = records;
        this.live = live;
        this.throttle = throttle;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /** What lifting a block did. */
    public sealed interface Lifted {
        record Done(BlockView block) implements Lifted {}

        /** The block was lifted before, or has ended: nothing changed. */
        record NotInForce(String detail) implements Lifted {}

        record NotFound() implements Lifted {}
    }

    /** The newest 1,000 blocks, or only those in force. */
    public List<BlockView> blocks(boolean inForceOnly) {
        Instant now = clock.instant();
        return systemAccess.transaction(
                ANALYSTS, "read the rate-limit block list", () -> records.newest(inForceOnly, now, SHOWN).stream()
                        .map(block -> view(block, now))
                        .toList());
    }

    public Optional<BlockView> block(UUID id) {
        Instant now = clock.instant();
        return systemAccess.transaction(
                ANALYSTS, "read block " + id, () -> records.find(id).map(block -> view(block, now)));
    }

    /** Lifts a block in force, recording who and why. */
    public Lifted lift(UUID id, String reason, String actor) {
        Instant now = clock.instant();
        Lifted lifted = systemAccess.transaction(ANALYSTS, "lift block " + id + " (" + actor + ")", () -> {
            Optional<BlockRecords.Block> found = records.find(id);
            if (found.isEmpty()) {
                return new Lifted.NotFound();
            }
            if (!found.get().inForce(now)) {
                return new Lifted.NotInForce(
                        found.get().lift().isPresent() ? "The block was lifted already." : "The block has ended.");
            }
            return records.lift(id, new BlockRecords.Lift(now, actor, reason))
                    .<Lifted>map(block -> new Lifted.Done(view(block, now)))
                    .orElseGet(() -> new Lifted.NotInForce("The block was lifted already."));
        });
        if (lifted instanceof Lifted.Done) {
            BlockRecords.Block block = systemAccess
                    .transaction(ANALYSTS, "read lifted block " + id, () -> records.find(id))
                    .orElseThrow();
            try {
                live.release(block);
                live.forgetCounts(block.action(), block.key());
                throttle.forget(block.action(), block.key());
            } catch (RuntimeException redisDown) {
                // the lift is recorded; the live key goes with the next round of releaseLifted
                log.warn("Block {} is lifted, its live key stays until Redis answers: {}", id, redisDown.toString());
            }
        }
        return lifted;
    }

    /**
     * Ends the live Redis keys of blocks lifted while Redis did not answer (a lift is recorded in PostgreSQL first):
     * without this, the key would block again until its TTL once Redis is back.
     */
    @Scheduled(
            fixedDelayString = "${freightgate.rate-limits.release-lifted.interval:PT5M}",
            initialDelayString = "${freightgate.rate-limits.release-lifted.interval:PT5M}")
    public void releaseLifted() {
        List<BlockRecords.Block> lifted = systemAccess.callAs(
                "job:rate-limit-blocks",
                Optional.empty(),
                "release the live keys of lifted blocks",
                () -> systemAccess.transaction(
                        ANALYSTS,
                        "find lifted blocks whose live keys may remain",
                        () -> records.liftedBeforeTheirEnd(clock.instant(), 500)));
        try {
            lifted.forEach(live::release);
        } catch (RuntimeException redisDown) {
            log.debug("Redis still unavailable for lifted blocks: {}", redisDown.toString());
        }
    }

    private static BlockView view(BlockRecords.Block block, Instant now) {
        return new BlockView(
                block.id(),
                block.action(),
                block.key().kind().name(),
                block.key().value(),
                block.userType().name(),
                block.cause().name(),
                block.reason(),
                block.blockedBy(),
                block.blockedAt(),
                block.until(),
                block.inForce(now),
                block.lift().map(BlockRecords.Lift::at),
                block.lift().map(BlockRecords.Lift::by),
                block.lift().map(BlockRecords.Lift::reason));
    }
}
