package io.freightgate.platform.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.TenantFixtures;
import io.freightgate.platform.queue.QueueWorker.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one work queue against the real embedded PostgreSQL (test tables from {@code db/migration/queue-test}): claims
 * never overlap, a crashed instance's claim comes back after its lease (and its late outcome changes nothing), failures
 * back off and park after the last attempt, a parked item retried by a person runs again, a nudge starts a run at once,
 * the metrics count it all, and a queue across tenants claims every tenant's items without leaving the system scope
 * behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkQueueIT {

    static final QueueTable ITEMS = new QueueTable(
            "queue_test_items",
            "id",
            "due_at",
            "attempts",
            "status IN ('READY', 'RETRYING', 'PROCESSING')",
            "status = 'PROCESSING'",
            "id, attempts",
            false);

    static final QueueTable TENANT_ITEMS = new QueueTable(
            "queue_test_tenant_items", "id", "due_at", "claims", "true", "", "id, tenant_id, claims", true);

    static final Duration LEASE = Duration.ofMinutes(1);

    record Item(long id, int attempt) {}

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    final MeterRegistry meters = new SimpleMeterRegistry();
    final List<AutoCloseable> workers = new ArrayList<>();
    WorkQueue<Item> queue;

    @BeforeEach
    void emptyQueue() {
        jdbc.update("DELETE FROM queue_test_items");
        queue = new WorkQueue<>(
                "test-items", ITEMS, (rs, row) -> new Item(rs.getLong("id"), rs.getInt("attempts")), jdbc);
    }

    @AfterEach
    void stopWorkers() throws Exception {
        for (AutoCloseable worker : workers) {
            worker.close();
        }
    }

    @Test
    void concurrentClaimsSkipEachOthersItems() throws Exception {
        for (int i = 0; i < 10; i++) {
            add(clock.instant());
        }
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<Item>> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            List<Item> claimed = queue.claim(clock.instant(), clock.instant().plus(LEASE), 6);
            firstClaimed.countDown();
            awaitLatch(secondDone);
            return claimed;
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        // The first transaction still holds its rows: the second claim skips them instead of waiting.
        // (Without SKIP LOCKED it would wait for them and fail on the lock timeout.)
        List<Item> second = transactions.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '2s'");
            return queue.claim(clock.instant(), clock.instant().plus(LEASE), 10);
        });
        secondDone.countDown();

        Set<Long> firstIds = ids(first.get(10, TimeUnit.SECONDS));
        Set<Long> secondIds = ids(second);
        assertThat(firstIds).hasSize(6);
        assertThat(secondIds).hasSize(4).doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void anItemClaimedByACrashedInstanceIsClaimedAgainAfterTheLease() {
        long id = add(clock.instant());
        // Instance A claims the item and dies while handling it: its handler never returns an outcome.
        QueueWorker<Item, String> crashed = worker(item -> {
            throw new IllegalStateException("instance A died");
        });
        assertThat(crashed.drain().claimed()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PROCESSING");

        List<Item> handledByB = new CopyOnWriteArrayList<>();
        QueueWorker<Item, String> survivor = worker(item -> {
            handledByB.add(item);
            return succeed(item, "B");
        });
        clock.advance(LEASE.minusSeconds(1));
        assertThat(survivor.drain().claimed()).as("still leased to A").isZero();

        clock.advance(Duration.ofSeconds(2));
        QueueWorker.Run run = survivor.drain();

        assertThat(run.claimed()).isEqualTo(1);
        assertThat(run.succeeded()).isEqualTo(1);
        assertThat(handledByB).containsExactly(new Item(id, 2));
        assertThat(status(id)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT handled_by FROM queue_test_items WHERE id = ?", String.class, id))
                .isEqualTo("B");
        // A's late outcome is fenced by its attempt number and changes nothing.
        assertThat(jdbc.update(
                        "UPDATE queue_test_items SET status = 'DONE', handled_by = 'A' WHERE id = ? AND attempts = 1",
                        id))
                .isZero();
    }

    @Test
    void failuresBackOffAndTheItemIsParkedAfterTheLastAttemptUntilAPersonRetriesIt() {
        long id = add(clock.instant());
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        boolean[] receiverBack = {false};
        QueueWorker<Item, String> worker = worker(
                item -> {
                    attempts.add(item.attempt());
                    return receiverBack[0]
                            ? succeed(item, "worker")
                            : new Outcome.Failed<>(item.attempt(), "receiver down", "receiver down", false);
                },
                Backoff.withoutJitter(Duration.ofSeconds(10), Duration.ofSeconds(15), 3));

        worker.drain();
        assertThat(due(id)).isEqualTo(clock.instant().plusSeconds(10));
        assertThat(worker.drain().claimed()).as("not due before its backoff").isZero();

        clock.advance(Duration.ofSeconds(10));
        worker.drain();
        assertThat(due(id))
                .as("doubled, at most the maximum")
                .isEqualTo(clock.instant().plusSeconds(15));

        clock.advance(Duration.ofSeconds(15));
        QueueWorker.Run last = worker.drain();
        assertThat(last.parked()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PARKED");
        assertThat(jdbc.queryForObject("SELECT last_error FROM queue_test_items WHERE id = ?", String.class, id))
                .isEqualTo("receiver down");

        clock.advance(Duration.ofDays(1));
        assertThat(worker.drain().claimed()).as("parked items stay parked").isZero();
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(counter("freightgate.queue.claimed")).isEqualTo(3);
        assertThat(counter("freightgate.queue.failed")).isEqualTo(3);
        assertThat(counter("freightgate.queue.parked")).isEqualTo(1);
        assertThat(counter("freightgate.queue.succeeded")).isZero();
        assertThat(depth()).as("a parked item is not waiting").isZero();

        // A person retries the parked item (as the back office's retry does): a fresh series, due now.
        receiverBack[0] = true;
        jdbc.update(
                "UPDATE queue_test_items SET status = 'RETRYING', attempts = 0, due_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()),
                id);
        assertThat(worker.drain().succeeded()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("DONE");
        assertThat(attempts).containsExactly(1, 2, 3, 1);
        assertThat(counter("freightgate.queue.succeeded")).isEqualTo(1);
    }

    @Test
    void aPermanentFailureParksAtOnce() {
        long id = add(clock.instant());
        QueueWorker<Item, String> worker =
                worker(item -> new Outcome.Failed<>(item.attempt(), "refused for good", "refused for good", true));

        assertThat(worker.drain().parked()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("PARKED");
    }

    @Test
    void aNudgeStartsARunAtOnceAndTheDepthGaugeFollows() {
        long waiting = add(clock.instant().plus(Duration.ofHours(1)));
        long id = add(clock.instant());
        QueueWorker<Item, String> worker = worker(item -> succeed(item, "nudged"));

        worker.nudge();

        await().atMost(Duration.ofSeconds(5)).until(() -> "DONE".equals(status(id)));
        await().atMost(Duration.ofSeconds(5)).until(() -> depth() == 1.0);
        assertThat(status(waiting)).isEqualTo("READY");
    }

    @Test
    void aQueueAcrossTenantsClaimsEveryTenantsItemsAndRestoresTheCallersScope() {
        TenantFixtures fixtures = new TenantFixtures(transactions);
        TenantId a = TenantId.random();
        TenantId b = TenantId.random();
        long itemOfA = fixtures.inTenant(a, () -> addTenantItem(a));
        long itemOfB = fixtures.inTenant(b, () -> addTenantItem(b));
        WorkQueue<Long> tenantQueue =
                new WorkQueue<>("test-tenant-items", TENANT_ITEMS, (rs, row) -> rs.getLong("id"), jdbc);

        record Seen(List<Long> claimed, boolean systemScopeAfter, long visibleAfter) {}
        Seen seen = fixtures.inTenant(a, () -> {
            List<Long> claimed =
                    tenantQueue.claim(clock.instant(), clock.instant().plus(LEASE), 100);
            return new Seen(
                    claimed,
                    Boolean.TRUE.equals(jdbc.queryForObject("SELECT fg_system_scope()", Boolean.class)),
                    jdbc.queryForObject(
                            "SELECT count(*) FROM queue_test_tenant_items WHERE id IN (?, ?)",
                            Long.class,
                            itemOfA,
                            itemOfB));
        });

        assertThat(seen.claimed()).contains(itemOfA, itemOfB);
        assertThat(seen.systemScopeAfter()).isFalse();
        assertThat(seen.visibleAfter()).as("back in tenant A's own rows").isEqualTo(1);
    }

    private QueueWorker<Item, String> worker(Function<Item, Outcome<String>> work) {
        return worker(work, Backoff.withoutJitter(Duration.ofSeconds(10), Duration.ofMinutes(1), 5));
    }

    private QueueWorker<Item, String> worker(Function<Item, Outcome<String>> work, Backoff backoff) {
        QueueWorker<Item, String> worker = new QueueWorker<>(
                queue,
                new QueueWorker.Handler<>() {
                    @Override
                    public Outcome<String> handle(Item item) {
                        return work.apply(item);
                    }

                    @Override
                    public boolean failed(Item item, Outcome.Failed<String> failure, Optional<Instant> retryAt) {
                        return jdbc.update(
                                        "UPDATE queue_test_items SET status = ?, due_at = ?, last_error = ?"
                                                + " WHERE id = ? AND attempts = ?",
                                        retryAt.isPresent() ? "RETRYING" : "PARKED",
                                        retryAt.map(Timestamp::from).orElse(null),
                                        failure.reason(),
                                        item.id(),
                                        item.attempt())
                                == 1;
                    }
                },
                new QueueWorker.Settings(10, LEASE, backoff),
                transactions,
                clock,
                meters);
        workers.add(worker);
        return worker;
    }

    private Outcome<String> succeed(Item item, String by) {
        jdbc.update(
                "UPDATE queue_test_items SET status = 'DONE', due_at = NULL, handled_by = ? WHERE id = ? AND attempts = ?",
                by,
                item.id(),
                item.attempt());
        return new Outcome.Succeeded<>();
    }

    private long add(Instant due) {
        Long id = jdbc.queryForObject(
                "INSERT INTO queue_test_items (status, due_at) VALUES ('READY', ?) RETURNING id",
                Long.class,
                Timestamp.from(due));
        return id == null ? -1 : id;
    }

    private long addTenantItem(TenantId tenant) {
        Long id = jdbc.queryForObject(
                "INSERT INTO queue_test_tenant_items (tenant_id, due_at) VALUES (?, ?) RETURNING id",
                Long.class,
                tenant.value(),
                Timestamp.from(clock.instant().minusSeconds(1)));
        return id == null ? -1 : id;
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM queue_test_items WHERE id = ?", String.class, id);
    }

    private Instant due(long id) {
        return jdbc.queryForObject("SELECT due_at FROM queue_test_items WHERE id = ?", Timestamp.class, id)
                .toInstant();
    }

    private double counter(String name) {
        return meters.get(name).tag("queue", "test-items").counter().count();
    }

    private double depth() {
        return meters.get("freightgate.queue.depth")
                .tag("queue", "test-items")
                .gauge()
                .value();
    }

    private static Set<Long> ids(List<Item> items) {
        Set<Long> ids = new HashSet<>();
        items.forEach(item -> ids.add(item.id()));
        return ids;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The application's clock as tests move it (the emulator's clock in local mode). */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
