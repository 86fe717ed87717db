package io.freightgate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test: the benchmark of the payment API's overhead over the Stripe emulator, reported in
 * {@code docs/benchmarks.md}. It pays fresh payment requests by card through {@code POST .../payments} (token check,
 * idempotency record, rate limiter, screening, three transactions, the PaymentIntent call, the outcome) and makes the
 * same PaymentIntent call directly against the emulator with stripe-java, sequentially and with 4 concurrent clients,
 * and prints latency percentiles and throughput. It asserts only that every payment succeeded, never a time. Run it
 * explicitly (it is not named like a test):
 *
 * <pre>./mvnw -pl gateway-api verify -Dit.test=PaymentApiBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Djacoco.skip=true</pre>
 *
 * The API rate limit is raised so that the limiter is measured, not hit.
 */
@TestPropertySource(properties = "freightgate.rate-limit.api.capacity=1000000")
class PaymentApiBenchmark extends GatewayIT {

    static final int WARM_UP = 50;
    static final int SEQUENTIAL = 300;
    static final int CONCURRENT_CLIENTS = 4;
    static final int PER_CLIENT = 75;

    @Autowired
    StripeClient stripe;

    @Autowired
    Clock clock;

    @Test
    void paymentApiOverheadOverTheEmulator() throws Exception {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        String dispatcher = callers.of(carrier, Role.CARRIER_DISPATCHER);
        String payer = callers.of(shipper, Role.SHIPPER_PAYER);

        List<String> requests = new ArrayList<>();
        for (int i = 0; i < WARM_UP + SEQUENTIAL + CONCURRENT_CLIENTS * PER_CLIENT; i++) {
            requests.add(create(dispatcher, shipper, i));
        }
        for (int i = 0; i < WARM_UP; i++) {
            pay(payer, requests.get(i));
            direct();
        }

        List<Long> gateway = new ArrayList<>();
        List<Long> emulator = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            gateway.add(pay(payer, requests.get(WARM_UP + i)));
            emulator.add(direct());
        }
        report("sequential, 1 client", gateway, emulator, 1);

        List<Long> concurrentGateway = Collections.synchronizedList(new ArrayList<>());
        List<Long> concurrentEmulator = Collections.synchronizedList(new ArrayList<>());
        long gatewayWall = parallel(client -> {
            for (int i = 0; i < PER_CLIENT; i++) {
                concurrentGateway.add(pay(payer, requests.get(WARM_UP + SEQUENTIAL + client * PER_CLIENT + i)));
            }
        });
        long emulatorWall = parallel(client -> {
            for (int i = 0; i < PER_CLIENT; i++) {
                concurrentEmulator.add(direct());
            }
        });
        report("4 concurrent clients", concurrentGateway, concurrentEmulator, 4);
        System.out.printf(
                "BENCHMARK throughput with 4 clients: gateway %.1f payments/s, emulator alone %.1f PaymentIntents/s%n",
                CONCURRENT_CLIENTS * PER_CLIENT * 1e9 / gatewayWall,
                CONCURRENT_CLIENTS * PER_CLIENT * 1e9 / emulatorWall);
    }

    interface Client {
        void run(int client) throws Exception;
    }

    private long parallel(Client work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CONCURRENT_CLIENTS; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private long pay(String payer, String request) {
        long start = System.nanoTime();
        var response = api.post(
                        "/api/v1/payment-requests/" + request + "/payments",
                        "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}")
                .token(payer)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        long elapsed = System.nanoTime() - start;
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return elapsed;
    }

    private long direct() throws Exception {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(12_500L)
                .setCurrency("eur")
                .setPaymentMethod("pm_card_visa")
                .addPaymentMethodType("card")
                .setConfirm(true)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC_ASYNC)
                .setTransferGroup("benchmark")
                .setStatementDescriptorSuffix("LOAD BENCH")
                .putMetadata("benchmark", "direct")
                .addExpand("latest_charge")
                .build();
        long start = System.nanoTime();
        var intent = stripe.v1()
                .paymentIntents()
                .create(
                        params,
                        RequestOptions.builder()
                                .setIdempotencyKey(UUID.randomUUID().toString())
                                .build());
        long elapsed = System.nanoTime() - start;
        assertThat(intent.getStatus()).isEqualTo("succeeded");
        return elapsed;
    }

    private static void report(String label, List<Long> gateway, List<Long> emulator, int clients) {
        System.out.printf(
                "BENCHMARK %s: gateway POST /payments p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " emulator PaymentIntent alone p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; overhead p50 %.1f ms"
                        + " (n=%d each)%n",
                label,
                percentile(gateway, 50),
                percentile(gateway, 95),
                percentile(gateway, 99),
                percentile(gateway, 100),
                percentile(emulator, 50),
                percentile(emulator, 95),
                percentile(emulator, 99),
                percentile(gateway, 50) - percentile(emulator, 50),
                gateway.size());
    }

    private static double percentile(List<Long> samples, int percentile) {
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1)) / 1e6;
    }

    private String create(String dispatcher, TenantId shipper, int i) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var response = api.post("/api/v1/payment-requests", """
                        {"shipper_id":"%s","amount_minor":12500,"currency":"EUR","load_reference":"BENCH-%d",
                         "origin":"Hamburg","destination":"Lyon","pickup_date":"%s","delivery_date":"%s",
                         "due_date":"%s"}
                        """.formatted(shipper, i, today, today, today.plusDays(14)))
                .token(dispatcher)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("payment_request").get("id").asString();
    }

    private TenantId organization(String type) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson(type, "Bench " + type + " " + UUID.randomUUID(), "bench@example.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }
}
