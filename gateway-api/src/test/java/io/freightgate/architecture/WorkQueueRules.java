package io.freightgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the platform's one work queue claims work with {@code SKIP LOCKED} (ADR 0007): every main source and migration
 * of the repository is read, and the phrase may appear only in {@code platform/queue} and in the two integrations
 * migrations that predate the queue (Flyway migrations are immutable), whose claim function a later migration drops.
 */
class WorkQueueRules {

    static final Path REPOSITORY = repositoryRoot();

    static final String QUEUE_PACKAGE = "infra/platform/src/main/java/io/freightgate/platform/queue/";

    static final String DROPPING_MIGRATION = "gateway-api/src/main/resources/db/migration/integrations/"
            + "V20261207_1530__integration_claims_through_platform_queue.sql";

    /** Applied migrations from before the queue, with why each may keep the phrase. */
    static final Map<String, String> HISTORIC_MIGRATIONS = Map.of(
            "gateway-api/src/main/resources/db/migration/integrations/V20261203_0810__integrator_webhook_deliveries.sql",
            "a comment on integration_delivery_queue",
            "gateway-api/src/main/resources/db/migration/integrations/V20261203_0820__integration_queue_functions.sql",
            "fg_claim_integration_deliveries, dropped by " + DROPPING_MIGRATION,
            DROPPING_MIGRATION,
            "the comment that says so");

    @Test
    void onlyTheWorkQueueClaimsWorkWithSkipLocked() {
        List<String> offenders = mainSourcesAndMigrations()
                .filter(WorkQueueRules::mentionsSkipLocked)
                .map(path -> REPOSITORY.relativize(path).toString().replace('\\', '/'))
                .filter(path -> !path.startsWith(QUEUE_PACKAGE))
                .filter(path -> !HISTORIC_MIGRATIONS.containsKey(path))
                .sorted()
                .toList();

        assertThat(offenders)
                .as("claim work through io.freightgate.platform.queue.WorkQueue instead")
                .isEmpty();
    }

    @Test
    void theRuleSeesTheQueueAndTheDroppedFunctionIsGone() throws IOException {
        assertThat(mainSourcesAndMigrations()
                        .filter(WorkQueueRules::mentionsSkipLocked)
                        .map(path -> REPOSITORY.relativize(path).toString().replace('\\', '/')))
                .as("the scan reaches the queue itself, so an empty list of offenders means something")
                .contains(QUEUE_PACKAGE + "WorkQueue.java");
        assertThat(Files.readString(REPOSITORY.resolve(DROPPING_MIGRATION)))
                .contains("DROP FUNCTION fg_claim_integration_deliveries");
    }

    private static Stream<Path> mainSourcesAndMigrations() {
        try {
            return Files.walk(REPOSITORY)
                    .filter(Files::isRegularFile)
                    .filter(path -> {
                        String relative = REPOSITORY.relativize(path).toString().replace('\\', '/');
                        return relative.contains("/src/main/")
                                && !relative.contains("/target/")
                                && !relative.startsWith(".")
                                && (relative.endsWith(".java") || relative.endsWith(".sql"));
                    })
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean mentionsSkipLocked(Path path) {
        try {
            return Files.readString(path)
                    .toUpperCase(Locale.ROOT)
                    .replaceAll("\\s+", " ")
                    .contains("SKIP LOCKED");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("infra/platform"))
                    && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No repository root above " + here);
    }
}
