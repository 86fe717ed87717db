package io.freightgate.kyc.internal.vies;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.emulator.vies.FaultRule;
import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.emulator.vies.ViesEmulatorConfig;
import io.freightgate.emulator.vies.ViesRegistry;
import io.freightgate.kyc.support.TestClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guards around the SOAP client, against the emulator over real SOAP. */
class ViesGatewayTests {

    static final TestClock CLOCK = new TestClock();
    static ViesEmulator emulator;
    static ViesSoapClient client;

    @BeforeAll
    static void start() {
        emulator = ViesEmulator.start(ViesEmulatorConfig.defaults()
                .withRegistry(new ViesRegistry().register("DE", "136695976", "Beispiel GmbH", "Hamburg")));
        client = new ViesSoapClient(
                new ViesClientSettings(
                        emulator.endpointUrl(), Duration.ofSeconds(1), Duration.ofSeconds(3), "AT", "U13585627"),
                CLOCK);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void reset() {
        emulator.reset();
    }

    @Test
    void opensTheCircuitOfAFailingMemberStateOnlyAndTriesAgainLater() {
        var gateway = new ViesGateway(
                client, CLOCK, new ViesGateway.Guards(2, Duration.ofSeconds(1), 2, Duration.ofMinutes(1)));
        emulator.injectFault(FaultRule.forCountry("DE", "MS_UNAVAILABLE"));

        assertThat(fault(gateway.check("DE", "136695976"))).isEqualTo(ViesFault.MS_UNAVAILABLE);
        assertThat(fault(gateway.check("DE", "136695976"))).isEqualTo(ViesFault.MS_UNAVAILABLE);
        long requests = emulator.requestCount();
        assertThat(fault(gateway.check("DE", "136695976"))).isEqualTo(ViesFault.CIRCUIT_OPEN);
        assertThat(emulator.requestCount()).isEqualTo(requests);
        assertThat(gateway.check("AT", "U13585627")).isInstanceOf(ViesResult.Invalid.class);

        emulator.clearFaults();
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(gateway.check("DE", "136695976")).isInstanceOf(ViesResult.Valid.class);
        assertThat(gateway.breakerState("DE")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aBlockedNumberDoesNotOpenTheCircuit() {
        var gateway = new ViesGateway(
                client, CLOCK, new ViesGateway.Guards(2, Duration.ofSeconds(1), 1, Duration.ofMinutes(1)));
        emulator.injectFault(FaultRule.forCountry("DE", "VAT_BLOCKED"));

        assertThat(fault(gateway.check("DE", "136695976"))).isEqualTo(ViesFault.VAT_BLOCKED);
        assertThat(gateway.breakerState("DE")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void limitsConcurrentCallsPerMemberState() throws Exception {
        var gateway = new ViesGateway(
                client, CLOCK, new ViesGateway.Guards(1, Duration.ofMillis(100), 5, Duration.ofMinutes(1)));
        emulator.setLatency(Duration.ofMillis(800));

        CompletableFuture<ViesResult> slow = CompletableFuture.supplyAsync(() -> gateway.check("DE", "136695976"));
        Thread.sleep(200);
        ViesResult throttled = gateway.check("DE", "136695976");
        ViesResult otherState = gateway.check("AT", "U13585627");

        assertThat(fault(throttled)).isEqualTo(ViesFault.THROTTLED);
        assertThat(otherState).isInstanceOf(ViesResult.Invalid.class);
        assertThat(slow.get()).isInstanceOf(ViesResult.Valid.class);
    }

    private static ViesFault fault(ViesResult result) {
        assertThat(result).isInstanceOf(ViesResult.Unknown.class);
        return ((ViesResult.Unknown) result).fault();
    }
}
