// A load generator for the webhook intake: N senders, each in a closed loop, POST correctly signed Stripe v1 events
// (unique ids, 1.5 KB account snapshots) to a running gateway and record every answer's latency. Plain JDK,
// no dependencies: run with `java docs/benchmarks/WebhookIntakeLoad.java URL SECRET [SENDERS] [SECONDS] [WARMUP] [TYPE]`
// (`--print-event TYPE` prints one event, for the raw PostgreSQL insert of the same size).
// Sends only to the URL given (use loopback); stops by itself after WARMUP + SECONDS. Prints one summary line.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class WebhookIntakeLoad {

    static final int MAX_SAMPLES_PER_SENDER = 2_000_000;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--print-event")) {
            System.out.println(event(args[1]));
            return;
        }
        if (args.length < 2) {
            System.err.println("usage: WebhookIntakeLoad URL SECRET [SENDERS=8] [SECONDS=30] [WARMUP=10] [TYPE=invoice.finalized]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
            throw new IllegalArgumentException("Loopback targets only: " + url);
        }
        String secret = args[1];
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        String type = args.length > 5 ? args[5] : "invoice.finalized";
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        long[][] samples = new long[senders][];
        int[] counts = new int[senders];
        AtomicLong errors = new AtomicLong();
        AtomicLong notOk = new AtomicLong();
        Thread[] threads = new Thread[senders];
        for (int s = 0; s < senders; s++) {
            int sender = s;
            samples[s] = new long[1 << 16];
            threads[s] = Thread.ofPlatform().name("sender-" + s).start(() -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            return;
                        }
                        byte[] body = event(type).getBytes(StandardCharsets.UTF_8);
                        long t = System.currentTimeMillis() / 1000;
                        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
                        String v1 = HexFormat.of().formatHex(mac.doFinal(body));
                        HttpRequest request = HttpRequest.newBuilder(url)
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("Stripe-Signature", "t=" + t + ",v1=" + v1)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        long took = System.nanoTime() - started;
                        if (started < warmupEnd) {
                            continue;
                        }
                        if (status != 200) {
                            notOk.incrementAndGet();
                            continue;
                        }
                        if (counts[sender] == samples[sender].length && counts[sender] < MAX_SAMPLES_PER_SENDER) {
                            samples[sender] = Arrays.copyOf(samples[sender], samples[sender].length * 2);
                        }
                        if (counts[sender] < samples[sender].length) {
                            samples[sender][counts[sender]++] = took;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int s = 0; s < senders; s++) {
            System.arraycopy(samples[s], 0, all, at, counts[s]);
            at += counts[s];
        }
        Arrays.sort(all);
        System.out.printf(
                "senders=%d seconds=%d type=%s ok=%d non200=%d errors=%d rps=%.0f p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms%n",
                senders, seconds, type, total, notOk.get(), errors.get(), total / (double) seconds,
                ms(all, 0.50), ms(all, 0.95), ms(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** A Stripe-shaped v1 event of about 1.5 KB (an account snapshot), with a fresh id. */
    static String event(String type) {
        String id = UUID.randomUUID().toString().replace("-", "");
        long created = System.currentTimeMillis() / 1000;
        return """
                {"id":"evt_bench%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,\
                "data":{"object":{"id":"acct_bench%s","object":"account","business_type":"company",\
                "capabilities":{"card_payments":"active","transfers":"active"},"charges_enabled":true,\
                "controller":{"fees":{"payer":"application"},"is_controller":true,"losses":{"payments":"application"},\
                "requirement_collection":"application","stripe_dashboard":{"type":"express"},"type":"application"},\
                "country":"DE","created":%d,"default_currency":"eur","details_submitted":true,\
                "email":"payouts@carrier.test","metadata":{"freightgate_tenant":"00000000-0000-0000-0000-000000000000"},\
                "payouts_enabled":true,"requirements":{"alternatives":[],"current_deadline":null,"currently_due":[],\
                "disabled_reason":null,"errors":[],"eventually_due":["company.tax_id","external_account"],\
                "past_due":[],"pending_verification":[]},"settings":{"payouts":{"debit_negative_balances":true,\
                "schedule":{"delay_days":7,"interval":"weekly","weekly_anchor":"monday"},\
                "statement_descriptor":null}},"tos_acceptance":{"date":%d},"type":"none",\
                "future_requirements":{"alternatives":[],"current_deadline":null,"currently_due":[],\
                "disabled_reason":null,"errors":[],"eventually_due":[],"past_due":[],"pending_verification":[]}},\
                "previous_attributes":{"requirements":{"currently_due":["company.tax_id"]}}},\
                "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s"}"""
                .formatted(id, created, id.substring(0, 16), created, created, type);
    }
}
