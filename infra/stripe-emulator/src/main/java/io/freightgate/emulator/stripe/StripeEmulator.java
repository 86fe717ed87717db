package io.freightgate.emulator.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A stateful local Stripe API on a loopback port, spoken to by the unmodified stripe-java client.
 *
 * <pre>{@code
 * EmulatorClock clock = EmulatorClock.system();
 * try (StripeEmulator stripe = StripeEmulator.start(StripeEmulatorConfig.forTests().withClock(clock))) {
 *     StripeClient client = StripeClient.builder()
 *             .setApiKey("sk_test_123")
 *             .setApiBase(stripe.baseUrl())
 *             .setFilesBase(stripe.baseUrl())
 *             .build();
 *     ...
 *     stripe.control().advanceClock(Duration.ofDays(8));
 * }
 * }</pre>
 */
public final class StripeEmulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StripeEmulator.class.getName());

    private final StripeEmulatorConfig config;
    private final Engine engine;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService ticker;
    private final WebhookDispatcher webhooks;
    private final LocalControl control;
    private final String baseUrl;
    private final @Nullable Path stateFile;

    private StripeEmulator(StripeEmulatorConfig config) throws IOException {
        this.config = config;
        StateFile file = config.dataDirectory() == null ? null : new StateFile(config.dataDirectory());
        this.stateFile = file == null ? null : file.file();
        this.engine = new Engine(config.emulatorClock(), file);
        PaymentMethodEndpoints paymentMethods = new PaymentMethodEndpoints(engine);
        PaymentEngine payments = new PaymentEngine(engine);
        PaymentIntentEndpoints paymentIntents = new PaymentIntentEndpoints(engine, payments, paymentMethods);
        ConnectEndpoints connect = new ConnectEndpoints(engine);
        TransferEndpoints transfers = new TransferEndpoints(engine, payments, connect);
        PayoutEndpoints payouts = new PayoutEndpoints(engine, payments, connect);
        FileEndpoints files = new FileEndpoints(engine);
        DisputeEndpoints disputes = new DisputeEndpoints(engine, payments, files);
        SepaDebit sepa = new SepaDebit(engine, payments);
        sepa.disputes(disputes);
        paymentIntents.sepa(sepa);
        paymentIntents.destinationCheck((scope, id) -> transfers.destination(scope, id, "transfer_data[destination]"));
        ChargeEndpoints charges = new ChargeEndpoints(engine, payments);
        charges.connect(disputes, transfers);
        Router router = new Router();
        paymentMethods.register(router);
        new CustomerEndpoints(engine, paymentMethods).register(router);
        paymentIntents.register(router);
        charges.register(router);
        new EventEndpoints(engine).register(router);
        connect.register(router);
        transfers.register(router);
        payouts.register(router);
        new Ledger(engine).register(router);
        files.register(router);
        disputes.register(router);
        sepa.register(router);

        this.webhooks = new WebhookDispatcher(engine, config.webhookRetryBackoff(), config.webhookTimeout());
        engine.onEvents(webhooks::enqueue, webhooks::subscriberCount);
        FaultInjector faults = new FaultInjector();
        RateLimiter rateLimiter = new RateLimiter(config.rateLimits());
        RequestLog received = new RequestLog();
        this.control =
                new LocalControl(engine, faults, rateLimiter, webhooks, paymentIntents, connect, disputes, received);

        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.server = HttpServer.create(new InetSocketAddress(loopback, config.port()), 256);
        this.baseUrl = "http://" + loopback.getHostAddress() + ":"
                + server.getAddress().getPort();
        engine.baseUrl(baseUrl);
        server.createContext(
                "/",
                new HttpFront(
                        engine,
                        router,
                        new IdempotencyStore(),
                        faults,
                        rateLimiter,
                        new ControlApi(control, engine),
                        received));
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("stripe-emulator-clock").factory());
        ticker.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Starts an emulator; close it to stop the server and write the final state. */
    public static StripeEmulator start(StripeEmulatorConfig config) {
        try {
            return new StripeEmulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Stripe emulator on port " + config.port(), e);
        }
    }

    private void tick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "emulator timer failed", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: use it as both {@code apiBase} and {@code filesBase} of a StripeClient. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The emulator's clock (the one from the config, if it was an {@link EmulatorClock}). */
    public EmulatorClock clock() {
        return config.emulatorClock();
    }

    /** The control surface (clock, faults, rate limits, webhook behaviour and deliveries, 3DS). */
    public EmulatorControl control() {
        return control;
    }

    /** The JSON snapshot file in local mode, or {@code null} when state is memory-only. */
    public @Nullable Path stateFile() {
        return stateFile;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop(0);
        executor.shutdownNow();
        webhooks.close();
        engine.lock.lock();
        try {
            engine.persist();
        } finally {
            engine.lock.unlock();
        }
    }
}
