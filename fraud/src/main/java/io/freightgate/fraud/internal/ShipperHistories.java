package io.freightgate.fraud.internal;

import io.freightgate.kernel.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shipper's collected history (count, mean, largest and spread per currency; hours of the day), cached in this
 * instance for {@code freightgate.fraud.history.cache-ttl} (default five minutes): it changes only when a payment is
 * collected, which forgets the shipper's entries here at once (another instance sees it within the time to live). The
 * cache holds at most {@link #LIMIT} entries and starts again empty past that. Reads run in the caller's transaction.
 */
@Component
public class ShipperHistories {

    static final Duration HISTORY = Duration.ofDays(90);
    static final int LIMIT = 50_000;

    private record Key(TenantId shipper, String currency) {}

    private record Entry(Object value, Instant until) {}

    private final FraudDecisions decisions;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    ShipperHistories(
            FraudDecisions decisions, Clock clock, @Value("${freightgate.fraud.history.cache-ttl:PT5M}") Duration ttl) {
        this.decisions = decisions;
        this.clock = clock;
        this.ttl = ttl;
    }

    public FraudDecisions.History history(TenantId shipper, Currency currency) {
        return cached(
                new Key(shipper, currency.getCurrencyCode()),
                FraudDecisions.History.class,
                () -> decisions.history(shipper, currency, clock.instant().minus(HISTORY)));
    }

    public FraudDecisions.Hours hours(TenantId shipper) {
        return cached(
                new Key(shipper, ""),
                FraudDecisions.Hours.class,
                () -> decisions.hoursOfDay(shipper, clock.instant().minus(HISTORY)));
    }

    /** The shipper's history changed: read it again next time. */
    public void forget(TenantId shipper) {
        cache.keySet().removeIf(key -> key.shipper().equals(shipper));
    }

    private <T> T cached(Key key, Class<T> type, Supplier<T> read) {
        Instant now = clock.instant();
        Entry entry = cache.get(key);
        if (entry != null && now.isBefore(entry.until()) && type.isInstance(entry.value())) {
            return type.cast(entry.value());
        }
        T value = read.get();
        if (cache.size() >= LIMIT) {
            cache.clear();
        }
        cache.put(key, new Entry(value, now.plus(ttl)));
        return value;
    }
}
