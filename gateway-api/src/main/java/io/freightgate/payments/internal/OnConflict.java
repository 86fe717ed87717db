package io.freightgate.payments.internal;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Repeats a short transaction that lost an optimistic-lock race. A payment's state is written from two sides at once
 * (the API call that made the PaymentIntent, and the webhook about it); every such write re-reads the rows and applies
 * an idempotent change, so the loser simply runs again on fresh rows.
 */
public final class OnConflict {

    private static final int ATTEMPTS = 5;

    private OnConflict() {}

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
