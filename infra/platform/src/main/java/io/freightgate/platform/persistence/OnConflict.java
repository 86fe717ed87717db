package io.freightgate.platform.persistence;

import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Repeats a short transaction that lost an optimistic-lock race, or an insert race on a unique key (two writers creating
 * the same row, e.g. the transfer of a request paid by the API call and the webhook at once). A payment's state is
 * written from two sides at once (the API call that made the PaymentIntent, and the webhook about it); every such write
 * re-reads the rows and applies an idempotent change, so the loser simply runs again on fresh rows. A genuine integrity
 * error fails again on every attempt and is thrown after the last.
 */
public final class OnConflict {

    private static final int ATTEMPTS = 5;

    private OnConflict() {}

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
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
