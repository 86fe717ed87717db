package io.freightgate.emulator.vies;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs the emulator on its own: {@code java -jar vies-emulator.jar --port 8089 [--host 127.0.0.1] [--registry
 * demo.properties] [--latency-ms 0]}. Stops on Ctrl-C.
 */
public final class ViesEmulatorMain {

    private ViesEmulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        ViesEmulatorConfig config = ViesEmulatorConfig.defaults().withPort(8089);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> config = config.withPort(Integer.parseInt(require(args[i], value)));
                case "--host" -> config = config.withHost(require(args[i], value));
                case "--latency-ms" ->
                    config = config.withLatency(Duration.ofMillis(Long.parseLong(require(args[i], value))));
                case "--registry" -> config.registry().load(Path.of(require(args[i], value)));
                case "--help", "-h" -> {
                    System.out.println(
                            "usage: java -jar vies-emulator.jar [--port N] [--host ADDR] [--registry FILE] [--latency-ms N]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        ViesEmulator emulator = ViesEmulator.start(config);
        System.out.println("VIES emulator: " + emulator.endpointUrl() + " (WSDL " + emulator.wsdlUrl() + ", control "
                + emulator.controlUrl() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String require(String option, @Nullable String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
