package io.freightgate.benchmarks.fraud;

import io.freightgate.fraud.internal.domain.velocity.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible mix of payments: mostly ordinary ones, with the share of risky facts a freight platform sees (new
 * cards, Radar's elevated and highest levels, list hits, young shippers, early fraud warnings, trusted shippers).
 */
final class Scenarios {

    private static final String[] LEVELS = {"normal", "normal", "normal", "normal", "elevated", "highest", null};
    private static final String[] KYC = {"verified", "verified", "verified", "in_review", "collecting"};
    private static final String[] FLAGS = {
        "ipOnBlockList",
        "deviceOnBlockList",
        "payLinkOnBlockList",
        "cardHasDisputes",
        "cardHasEarlyFraudWarnings",
        "cardOnWatchList",
        "deviceOnWatchList"
    };

    private Scenarios() {}

    static List<Payment> mix() {
        SplittableRandom random = new SplittableRandom(20_261_207);
        List<Payment> payments = new ArrayList<>(1024);
        for (int i = 0; i < 1024; i++) {
            String currency = random.nextInt(4) == 0 ? "PLN" : "EUR";
            long amount = 10_000 + random.nextLong(2_000_000);
            boolean history = random.nextInt(3) > 0;
            String level = LEVELS[random.nextInt(LEVELS.length)];
            Payment payment = new Payment(
                    amount,
                    currency,
                    random.nextInt(5) == 0 ? "sepa_debit" : "card",
                    random.nextInt(4) == 0,
                    random.nextInt(50) == 0,
                    random.nextInt(30) == 0,
                    level,
                    level == null ? null : random.nextInt(100),
                    history ? 1 + random.nextInt(40) : null,
                    history ? 10_000 + random.nextLong(800_000) : null,
                    random.nextInt(400),
                    KYC[random.nextInt(KYC.length)],
                    random.nextInt(20) == 0,
                    random.nextInt(40) == 0);
            if (random.nextInt(10) == 0) {
                payment.flags(FLAGS[random.nextInt(FLAGS.length)]);
            }
            java.util.Map<String, Long> counters = new java.util.HashMap<>();
            for (Counter counter : Counter.ALL) {
                counters.put(counter.attribute(), (long) (1 + random.nextInt(6)));
            }
            counters.remove("distinct_cards_per_pay_link_1h");
            counters.remove("distinct_cards_per_ip_24h");
            payment.velocity(
                    random.nextInt(12) == 0 ? 4 + random.nextInt(3) : 1 + random.nextInt(3),
                    random.nextInt(15) == 0 ? 6 + random.nextInt(3) : 1 + random.nextInt(5),
                    java.math.BigDecimal.valueOf(random.nextInt(700) - 200, 2),
                    counters);
            payments.add(payment);
        }
        return payments;
    }
}
