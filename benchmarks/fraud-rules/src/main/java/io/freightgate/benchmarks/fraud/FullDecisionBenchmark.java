package io.freightgate.benchmarks.fraud;

import io.freightgate.fraud.internal.RedisVelocityCounters;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.fraud.internal.domain.rules.RuleSet;
import io.freightgate.fraud.internal.domain.rules.StandardAttributes;
import io.freightgate.fraud.internal.domain.rules.Verdict;
import io.freightgate.fraud.internal.domain.velocity.CountedAttempt;
import io.freightgate.fraud.internal.domain.velocity.Dimension;
import io.freightgate.fraud.internal.domain.velocity.VelocityCounts;
import io.freightgate.local.EmbeddedRedisServer;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full screening decision as far as the fraud module's own work goes, with the velocity counters in a real Redis
 * (the embedded one, on loopback): the attempt is counted and every counter of its shipper, card, IP and pay link read
 * in one pipelined round trip ({@link RedisVelocityCounters}), the counters join the payment's other facts, and the
 * default rules decide with their explanation. Not included: the PostgreSQL reads of the lists, snoozes and history and
 * the decision's insert (measured end to end elsewhere). Two threads, the two cores of the build machine, sharing one
 * connection as the gateway does.
 */
@State(Scope.Benchmark)
@Threads(2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class FullDecisionBenchmark {

    private EmbeddedRedisServer redisServer;
    private RedisClient client;
    private RedisVelocityCounters counters;
    private RuleSet rules;
    private AttributeRegistry registry;
    private List<Payment> payments;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        redisServer = EmbeddedRedisServer.start(null);
        client = RedisClient.create("redis://127.0.0.1:" + redisServer.port());
        counters = new RedisVelocityCounters(() -> client, Duration.ofSeconds(1));
        registry = StandardAttributes.registry();
        rules = FraudRulesBenchmark.freightGateRules(registry);
        payments = Scenarios.mix();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counters.close();
        client.shutdown();
        redisServer.close();
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict decisionThroughput() {
        return decide();
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict decisionLatency() {
        return decide();
    }

    private Verdict decide() {
        long n = next.getAndIncrement();
        Payment payment = payments.get((int) (n % payments.size()));
        SplittableRandom random = new SplittableRandom(n);
        Map<Dimension, String> keys = new EnumMap<>(Dimension.class);
        keys.put(Dimension.SHIPPER, "shipper-" + random.nextInt(2_000));
        String card = "fp_" + random.nextInt(20_000);
        keys.put(Dimension.CARD, card);
        keys.put(Dimension.IP, "203.0.113." + random.nextInt(250));
        keys.put(Dimension.PAY_LINK, "link-" + random.nextInt(5_000));
        VelocityCounts counts =
                counters.count(new CountedAttempt(new UUID(n, 21).toString(), Instant.now(), keys, Optional.of(card)));
        Facts.Builder facts = payment.builder(registry);
        counts.byAttribute().forEach(facts::with);
        return rules.evaluate(facts.build());
    }
}
