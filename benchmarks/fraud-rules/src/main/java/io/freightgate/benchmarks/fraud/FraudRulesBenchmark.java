package io.freightgate.benchmarks.fraud;

import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.fraud.internal.domain.rules.RuleSet;
import io.freightgate.fraud.internal.domain.rules.StandardAttributes;
import io.freightgate.fraud.internal.domain.rules.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluates the fraud module's default rule set (plus one allow rule) over a rotating mix of payments, once with the
 * fraud module's engine and once with the same rules in Drools, one thread each. The setup checks that both engines
 * reach the same decision, 3-D Secure request and payout hold for every payment before anything is measured.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FraudRulesBenchmark {

    static final String TRUSTED = "allow if :shipper_trusted:";

    private RuleSet rules;
    private AttributeRegistry registry;
    private StatelessKieSession drools;
    private List<Payment> payments;
    private List<Facts> facts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        registry = StandardAttributes.registry();
        rules = freightGateRules(registry);
        drools = droolsRules().newStatelessKieSession();
        payments = Scenarios.mix();
        facts = new ArrayList<>(payments.size());
        for (Payment payment : payments) {
            facts.add(payment.facts(registry));
        }
        for (int i = 0; i < payments.size(); i++) {
            Verdict verdict = rules.evaluate(facts.get(i));
            Fired fired = drools(payments.get(i));
            if (!verdict.action().name().equals(fired.decision())
                    || verdict.requestThreeDSecure() != fired.requestThreeDSecure()
                    || verdict.holdPayout() != fired.holdPayout()) {
                throw new IllegalStateException("The engines disagree on scenario " + i + ": " + verdict + " against "
                        + fired.decision() + " 3DS " + fired.requestThreeDSecure() + " hold " + fired.holdPayout());
            }
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Verdict freightGateThroughput() {
        return rules.evaluate(nextFacts());
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Verdict freightGateLatency() {
        return rules.evaluate(nextFacts());
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Fired droolsThroughput() {
        return drools(nextPayment());
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Fired droolsLatency() {
        return drools(nextPayment());
    }

    private Facts nextFacts() {
        Facts f = facts.get(next);
        next = (next + 1) % facts.size();
        return f;
    }

    private Payment nextPayment() {
        Payment p = payments.get(next);
        next = (next + 1) % payments.size();
        return p;
    }

    private Fired drools(Payment payment) {
        Fired fired = new Fired();
        drools.execute(List.of(payment, fired));
        return fired;
    }

    static RuleSet freightGateRules(AttributeRegistry registry) {
        String text = resource("/fraud/default-rules.txt") + "\n" + TRUSTED + "\n";
        return switch (RuleSet.parse("default", text, registry)) {
            case RuleSet.Parsed.Valid valid -> valid.rules();
            case RuleSet.Parsed.Invalid invalid ->
                throw new IllegalStateException(invalid.problem().toString());
        };
    }

    static KieBase droolsRules() {
        return new KieHelper()
                .addContent(resource("/default-rules.drl"), ResourceType.DRL)
                .build();
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(FraudRulesBenchmark.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
