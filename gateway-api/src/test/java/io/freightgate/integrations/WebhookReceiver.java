package io.freightgate.integrations;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's receiver on loopback (JDK HttpServer): records every request and answers with the next planned
 * status (200 when the plan is empty). Verifies deliveries as docs/integrations.md tells integrators to, with its own
 * code: parse {@code FreightGate-Signature}, recompute HMAC-SHA256 of {@code "<t>.<raw body>"} with each secret it
 * knows, compare in constant time, and check the timestamp against its tolerance.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Integer> plan = new ConcurrentLinkedDeque<>();
    private volatile int fallback = 200;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                    new Received(Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
            Integer planned = plan.pollFirst();
            int status = planned == null ? fallback : planned;
            byte[] answer =
                    (status >= 300 ? "receiver says no: " + "x".repeat(2000) : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next answers, in order; afterwards {@link #answerAlways}'s status. */
    WebhookReceiver thenAnswer(Integer... statuses) {
        plan.addAll(List.of(statuses));
        return this;
    }

    WebhookReceiver answerAlways(int status) {
        fallback = status;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> ofType(String eventType) {
        return received.stream()
                .filter(request -> eventType.equals(request.header("FreightGate-Event-Type")))
                .toList();
    }

    /** The secrets among {@code secrets} that produced one of the request's {@code v1} signatures. */
    public static List<String> verifiedBy(
            Received request, Collection<String> secrets, Instant now, Duration tolerance) {
        String header = request.header("FreightGate-Signature");
        if (header == null) {
            return List.of();
        }
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                timestamp = Long.parseLong(pair[1]);
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp < 0 || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return List.of();
        }
        List<String> matching = new ArrayList<>();
        for (String secret : secrets) {
            byte[] expected = hmacSha256(secret, timestamp + "." + request.body());
            for (String signature : signatures) {
                byte[] given;
                try {
                    given = HexFormat.of().parseHex(signature);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    matching.add(secret);
                }
            }
        }
        return matching;
    }

    private static byte[] hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
