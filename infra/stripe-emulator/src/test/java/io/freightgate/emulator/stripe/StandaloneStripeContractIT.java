package io.freightgate.emulator.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole contract suite against {@code java -jar target/stripe-emulator.jar} in a separate process, controlled
 * over HTTP through {@link RemoteEmulatorControl}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneStripeContractIT extends StripeContractSuitePart2 {

    private Process process;
    private String baseUrl;
    private RemoteEmulatorControl control;

    @BeforeAll
    void launch() throws Exception {
        Path jar = Path.of(System.getProperty("stripe.emulator.jar", "target/stripe-emulator.jar"));
        assertThat(jar).exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long started = System.nanoTime();
        process = new ProcessBuilder(
                        java.toString(),
                        "-jar",
                        jar.toString(),
                        "--port",
                        "0",
                        "--webhook-retry-backoff",
                        "50ms,100ms,200ms")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .get(30, TimeUnit.SECONDS);
        assertThat(line).startsWith("Stripe emulator listening on http://127.0.0.1:");
        // The start-up time is measured, not asserted here (docs/benchmarks.md); this only catches a hang.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        baseUrl = line.substring(line.indexOf("http://"));
        control = new RemoteEmulatorControl(baseUrl);
        assertThat(Files.size(jar)).isPositive();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Override
    String baseUrl() {
        return baseUrl;
    }

    @Override
    EmulatorControl control() {
        return control;
    }
}
