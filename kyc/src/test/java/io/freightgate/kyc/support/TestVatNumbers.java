package io.freightgate.kyc.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh offline-valid German VAT numbers (ISO 7064 MOD 11,10), one per call, so tests never share a cached answer. */
public final class TestVatNumbers {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private TestVatNumbers() {}

    /** The number without prefix, e.g. {@code 21234567X}. */
    public static String nextGerman() {
        String payload = "2" + String.format("%07d", NEXT.incrementAndGet() % 10_000_000);
        int product = 10;
        for (char c : payload.toCharArray()) {
            int sum = (c - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        return payload + (11 - product) % 10;
    }
}
