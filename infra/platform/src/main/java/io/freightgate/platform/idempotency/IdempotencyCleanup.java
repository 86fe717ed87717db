package io.freightgate.platform.idempotency;

import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/** Deletes idempotency records older than the retention (at least 24 hours), once an hour on one instance. */
@Component
public class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyRecords records;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyCleanup(
            IdempotencyRecords records,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            Clock clock,
            @Value("${freightgate.idempotency.retention:PT24H}") Duration retention) {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("Idempotency records are kept at least 24 hours, not " + retention);
        }
        this.records = records;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${freightgate.idempotency.cleanup-cron:0 17 * * * *}")
    @SchedulerLock(name = "idempotency-cleanup", lockAtMostFor = "PT10M")
    public void deleteExpired() {
        int deleted = systemAccess.callAs(
                "job:idempotency-cleanup",
                Optional.empty(),
                "delete idempotency records past retention",
                () -> transactions.execute(
                        status -> records.deleteCreatedBefore(clock.instant().minus(retention))));
        log.info("Deleted {} idempotency records older than {}", deleted, retention);
    }
}
