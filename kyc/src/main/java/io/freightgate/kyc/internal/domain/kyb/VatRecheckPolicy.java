package io.freightgate.kyc.internal.domain.kyb;

import io.freightgate.kyc.VatStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When to ask VIES again about a case's VAT number:
 *
 * <ul>
 *   <li>VALID: re-validated every {@code revalidateEvery} (a number can be deregistered);
 *   <li>INVALID: not automatically (the organization corrects its number, or compliance asks again);
 *   <li>UNKNOWN with an operator alert (VAT_BLOCKED, IP_BLOCKED, bad requester): not automatically;
 *   <li>UNKNOWN otherwise: exponential backoff, {@code firstRetry} doubled per consecutive attempt, capped at
 *       {@code maxRetry} (with 1 min and 6 h: 1, 2, 4, 8 ... min, then every 6 h).
 * </ul>
 */
public record VatRecheckPolicy(Duration firstRetry, Duration maxRetry, Duration revalidateEvery) {

    public VatRecheckPolicy {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(revalidateEvery, "revalidateEvery");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("Need 0 < firstRetry <= maxRetry");
        }
        if (revalidateEvery.isNegative() || revalidateEvery.isZero()) {
            throw new IllegalArgumentException("revalidateEvery must be positive");
        }
    }

    /**
     * @param attempts consecutive UNKNOWN outcomes including this one (1 after the first)
     */
    public Optional<Instant> nextCheck(VatStatus outcome, int attempts, boolean operatorAlert, Instant now) {
        return switch (outcome) {
            case VALID -> Optional.of(now.plus(revalidateEvery));
            case INVALID, NOT_PROVIDED, NOT_CHECKED -> Optional.empty();
            case UNKNOWN -> operatorAlert ? Optional.empty() : Optional.of(now.plus(backoff(attempts)));
        };
    }

    Duration backoff(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts starts at 1");
        }
        int doublings = Math.min(attempts - 1, 30);
        long millis = firstRetry.toMillis();
        for (int i = 0; i < doublings && millis < maxRetry.toMillis(); i++) {
            millis = Math.multiplyExact(millis, 2);
        }
        return Duration.ofMillis(Math.min(millis, maxRetry.toMillis()));
    }
}
