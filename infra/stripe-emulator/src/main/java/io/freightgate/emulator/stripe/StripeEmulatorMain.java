package io.freightgate.emulator.stripe;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone entry point: {@code java -jar stripe-emulator.jar [--port N] [--data-dir DIR] [--rate-limits]
 * [--webhook-retry-backoff 1s,10s,1m]}. Prints one line with the base URL once it is listening.
 */
public final class StripeEmulatorMain {

    private StripeEmulatorMain() {}

    /** Runs until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        StripeEmulatorConfig config = parse(args);
        StripeEmulator emulator = StripeEmulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        PrintStream out = System.out;
        out.println("Stripe emulator listening on " + emulator.baseUrl());
        out.flush();
        stopped.await();
    }

    static StripeEmulatorConfig parse(String[] args) {
        StripeEmulatorConfig config = StripeEmulatorConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> config = config.withPort(Integer.parseInt(value(args, ++i, arg)));
                case "--data-dir" -> config = config.withDataDirectory(Path.of(value(args, ++i, arg)));
                case "--rate-limits" -> config = config.withRateLimits(true);
                case "--webhook-retry-backoff" ->
                    config = config.withWebhookRetryBackoff(durations(value(args, ++i, arg)));
                default ->
                    throw new IllegalArgumentException("Unknown argument " + arg
                            + " (use --port N, --data-dir DIR, --rate-limits, --webhook-retry-backoff 1s,10s,1m)");
            }
        }
        return config;
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    static List<Duration> durations(String spec) {
        List<Duration> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            long n = Long.parseLong(p.replaceAll("[a-z]+$", ""));
            String unit = p.replaceAll("^\\d+", "");
            out.add(
                    switch (unit) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s", "" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> throw new IllegalArgumentException("Unknown duration unit in " + p);
                    });
        }
        return out;
    }
}
