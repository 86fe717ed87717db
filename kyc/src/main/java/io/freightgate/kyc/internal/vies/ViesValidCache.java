package io.freightgate.kyc.internal.vies;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * VALID VIES answers in Redis (a hash per number, with a lifetime), so that the same number is not asked again within
 * the lifetime. Only VALID answers are cached. Redis being down only means asking VIES again: every failure here is
 * logged and treated as a miss.
 */
public class ViesValidCache {

    private static final Logger log = LoggerFactory.getLogger(ViesValidCache.class);
    private static final String PREFIX = "kyc:vies:valid:";

    private final StringRedisTemplate redis;
    private final Duration lifetime;

    public ViesValidCache(StringRedisTemplate redis, Duration lifetime) {
        this.redis = redis;
        this.lifetime = lifetime;
    }

    /** A cached VALID answer: the proof of the consultation it came from. */
    public record Entry(
            String countryCode,
            String vatNumber,
            Optional<LocalDate> requestDate,
            Optional<String> name,
            Optional<String> address,
            Optional<String> consultationNumber,
            Instant checkedAt,
            UUID consultation) {}

    public Optional<Entry> find(String countryCode, String vatNumber) {
        try {
            Map<Object, Object> fields = redis.opsForHash().entries(PREFIX + countryCode + vatNumber);
            if (fields.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(
                    countryCode,
                    vatNumber,
                    field(fields, "requestDate").map(LocalDate::parse),
                    field(fields, "name"),
                    field(fields, "address"),
                    field(fields, "consultationNumber"),
                    Instant.parse((String) fields.get("checkedAt")),
                    UUID.fromString((String) fields.get("consultation"))));
        } catch (RuntimeException e) {
            log.warn("VIES cache unavailable, asking VIES: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(Entry entry) {
        Map<String, String> fields = new HashMap<>();
        entry.requestDate().ifPresent(d -> fields.put("requestDate", d.toString()));
        entry.name().ifPresent(n -> fields.put("name", n));
        entry.address().ifPresent(a -> fields.put("address", a));
        entry.consultationNumber().ifPresent(c -> fields.put("consultationNumber", c));
        fields.put("checkedAt", entry.checkedAt().toString());
        fields.put("consultation", entry.consultation().toString());
        String key = PREFIX + entry.countryCode() + entry.vatNumber();
        try {
            redis.opsForHash().putAll(key, fields);
            redis.expire(key, lifetime);
        } catch (RuntimeException e) {
            log.warn("Could not cache a VALID VIES answer: {}", e.getMessage());
        }
    }

    public void evict(String countryCode, String vatNumber) {
        try {
            redis.delete(PREFIX + countryCode + vatNumber);
        } catch (RuntimeException e) {
            log.warn("Could not evict a VIES cache entry: {}", e.getMessage());
        }
    }

    private static Optional<String> field(Map<Object, Object> fields, String name) {
        return Optional.ofNullable((String) fields.get(name));
    }
}
