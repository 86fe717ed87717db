package io.freightgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dispute seam holds: Stripe's {@code charge.dispute.*} events are the dispute engine's alone. Payments (and the
 * capabilities it is being carved into: billing, transfers, payouts, ledger) learn of disputes only through the facade
 * methods the flows call, so no source file of theirs names a dispute event type. A source check, because a string
 * constant leaves no trace ArchUnit can see.
 */
class DisputeSeamRules {

    static final Path SOURCES = Path.of("src/main/java/io/freightgate");

    static final List<String> PAYMENT_CAPABILITIES = List.of("payments", "billing", "transfers", "payouts", "ledger");

    @Test
    void paymentsNeverHandlesStripeDisputeEvents() throws IOException {
        assertThat(SOURCES).isDirectory();
        List<Path> offenders = PAYMENT_CAPABILITIES.stream()
                .map(SOURCES::resolve)
                .filter(Files::isDirectory)
                .flatMap(DisputeSeamRules::javaFiles)
                .filter(file -> read(file).contains("charge.dispute"))
                .toList();
        assertThat(offenders)
                .as("charge.dispute.* events are handled by the dispute engine (io.freightgate.disputes), which"
                        + " publishes DisputeOpened, DisputeFundsWithdrawn, DisputeFundsReinstated and DisputeClosed")
                .isEmpty();
    }

    @Test
    void theDisputeEngineHandlesThem() throws IOException {
        Path engine = Path.of("../dispute-engine/src/main/java/io/freightgate/disputes");
        assertThat(javaFiles(engine).filter(file -> read(file).contains("\"charge.dispute.created\"")))
                .isNotEmpty();
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
