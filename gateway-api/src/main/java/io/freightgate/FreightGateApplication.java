package io.freightgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * FreightGate: payments and disputes for logistics. With nothing configured it starts in local mode (embedded
 * PostgreSQL and Redis, the emulators); with the {@code prod} profile it needs its external services and secrets.
 */
@SpringBootApplication
@Modulithic(
        systemName = "FreightGate",
        sharedModules = {"kernel", "platform"})
public class FreightGateApplication {

    public static void main(String[] args) {
        SpringApplication.run(FreightGateApplication.class, args);
    }
}
