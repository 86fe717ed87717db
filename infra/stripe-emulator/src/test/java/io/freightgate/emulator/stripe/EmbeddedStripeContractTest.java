package io.freightgate.emulator.stripe;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The contract suite against the in-process server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedStripeContractTest extends StripeContractSuitePart2 {

    private StripeEmulator emulator;

    @BeforeAll
    void start() {
        emulator = StripeEmulator.start(StripeEmulatorConfig.forTests());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Override
    String baseUrl() {
        return emulator.baseUrl();
    }

    @Override
    EmulatorControl control() {
        return emulator.control();
    }
}
