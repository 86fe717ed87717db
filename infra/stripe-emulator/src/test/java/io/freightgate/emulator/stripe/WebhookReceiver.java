package io.freightgate.emulator.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real loopback HTTP server that records webhook deliveries and answers with programmed statuses. */
final class WebhookReceiver implements AutoCloseable {

    /** One received request: the raw body and its {@code Stripe-Signature}. */
    record Received(String body, String signature) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/webhooks", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Integer status = statuses.poll();
                int code = status == null ? 200 : status;
                if (code == 200) {
                    received.add(new Received(body, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
                }
                exchange.sendResponseHeaders(code, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/webhooks";
    }

    /** The next requests are answered with these statuses (then 200); non-200 requests are not recorded. */
    void respondWith(int... codes) {
        for (int c : codes) {
            statuses.add(c);
        }
    }

    Received next(Duration timeout) throws InterruptedException {
        Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("no webhook within " + timeout);
        }
        return r;
    }

    /** Waits until {@code count} deliveries arrived (or the timeout passed) and returns them. */
    List<Received> await(int count, Duration timeout) throws InterruptedException {
        List<Received> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Received r = received.poll(left, TimeUnit.NANOSECONDS);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Everything received within {@code quiet} of silence. */
    List<Received> drain(Duration quiet) throws InterruptedException {
        List<Received> out = new ArrayList<>();
        Received r;
        while ((r = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
