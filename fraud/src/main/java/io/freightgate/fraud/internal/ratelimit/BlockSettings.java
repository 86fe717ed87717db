package io.freightgate.fraud.internal.ratelimit;

import io.freightgate.platform.ratelimit.RateLimit;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a key goes on the block list, per action: {@code freightgate.rate-limits.blocking.<action>.limit-hits} (a key
 * that hits its limit more often than this is blocked), {@code .failures} (more failures than this: blocked) and {@code
 * .duration} (how long), each falling back to the {@code default} action's. A missing {@code limit-hits} or {@code
 * failures} (in the action and in {@code default}), or the value {@code none}, means that cause never blocks for the
 * action.
 */
public final class BlockSettings {

    static final String DEFAULT = "default";

    private final Map<String, RateLimit> limitHits = new HashMap<>();
    private final Map<String, RateLimit> failures = new HashMap<>();
    private final Map<String, Duration> durations = new HashMap<>();
    private final java.util.Set<String> never = new java.util.HashSet<>();

    private BlockSettings() {}

    public static BlockSettings of(Map<String, String> properties) {
        BlockSettings settings = new BlockSettings();
        properties.forEach((name, value) -> {
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException(
                        "freightgate.rate-limits.blocking." + name + ": expected <action>.<setting>");
            }
            String action = name.substring(0, dot);
            String setting = name.substring(dot + 1);
            if (value.strip().equals("none") && !setting.equals("duration")) {
                settings.never.add(action + "." + setting);
                return;
            }
            switch (setting) {
                case "limit-hits" ->
                    settings.limitHits.put(
                            action, RateLimitTable.limit("blocking." + name, "block-hits:" + action, value));
                case "failures" ->
                    settings.failures.put(
                            action, RateLimitTable.limit("blocking." + name, "block-failures:" + action, value));
                case "duration" -> {
                    try {
                        Duration duration = Duration.parse(value.strip());
                        if (duration.isNegative() || duration.isZero()) {
                            throw new IllegalArgumentException("not positive");
                        }
                        settings.durations.put(action, duration);
                    } catch (DateTimeParseException | IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "freightgate.rate-limits.blocking." + name + ": expected a positive ISO-8601 duration");
                    }
                }
                default ->
                    throw new IllegalArgumentException("freightgate.rate-limits.blocking." + name
                            + ": the settings are limit-hits, failures and duration");
            }
        });
        return settings;
    }

    /** How many limit hits a key may have before it is blocked for the action (the bucket that counts them). */
    public Optional<RateLimit> limitHits(String action) {
        if (never.contains(action + ".limit-hits")) {
            return Optional.empty();
        }
        return Optional.ofNullable(limitHits.get(action)).or(() -> Optional.ofNullable(limitHits.get(DEFAULT)));
    }

    /** How many failures a key may have before it is blocked for the action. */
    public Optional<RateLimit> failures(String action) {
        if (never.contains(action + ".failures")) {
            return Optional.empty();
        }
        return Optional.ofNullable(failures.get(action)).or(() -> Optional.ofNullable(failures.get(DEFAULT)));
    }

    public Duration duration(String action) {
        return Optional.ofNullable(durations.get(action))
                .or(() -> Optional.ofNullable(durations.get(DEFAULT)))
                .orElse(Duration.ofMinutes(15));
    }
}
