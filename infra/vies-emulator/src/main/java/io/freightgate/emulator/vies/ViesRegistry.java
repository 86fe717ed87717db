package io.freightgate.emulator.vies;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The numbers the emulator knows as registered (demo data), keyed by VIES country code and number without prefix.
 * Thread-safe; changes are visible to the running emulator at once.
 *
 * <p>Properties file format (UTF-8), one entry per number, {@code \n} for line breaks in addresses:
 *
 * <pre>
 * DE136695976.name = Beispiel Spedition GmbH
 * DE136695976.address = Hafenstr. 1\n20457 Hamburg
 * </pre>
 */
public final class ViesRegistry {

    private final Map<String, RegisteredTrader> traders = new ConcurrentHashMap<>();

    /**
     * A registered trader.
     *
     * @param countryCode VIES code ({@code EL} for Greece)
     * @param vatNumber the number without prefix
     * @param name the registered name, or {@code ---} when the member state does not disclose it
     * @param address the registered address (may contain line breaks), or {@code ---}
     */
    public record RegisteredTrader(String countryCode, String vatNumber, String name, String address) {
        public RegisteredTrader {
            Objects.requireNonNull(countryCode, "countryCode");
            Objects.requireNonNull(vatNumber, "vatNumber");
            name = name == null || name.isBlank() ? "---" : name;
            address = address == null || address.isBlank() ? "---" : address;
        }
    }

    /**
     * Registers (or replaces) a number; a name or address that is null or blank is not disclosed ({@code ---}). Returns
     * this registry for chaining.
     */
    public ViesRegistry register(
            String countryCode, String vatNumber, @Nullable String name, @Nullable String address) {
        var trader = new RegisteredTrader(
                countryCode.toUpperCase(Locale.ROOT),
                vatNumber.toUpperCase(Locale.ROOT),
                undisclosedIfBlank(name),
                undisclosedIfBlank(address));
        traders.put(key(trader.countryCode(), trader.vatNumber()), trader);
        return this;
    }

    private static String undisclosedIfBlank(@Nullable String value) {
        return value == null || value.isBlank() ? "---" : value;
    }

    /** Removes a number: from then on VIES answers {@code valid=false} for it (deregistered). */
    public void deregister(String countryCode, String vatNumber) {
        traders.remove(key(countryCode, vatNumber));
    }

    public Optional<RegisteredTrader> find(String countryCode, String vatNumber) {
        return Optional.ofNullable(traders.get(key(countryCode, vatNumber)));
    }

    public int size() {
        return traders.size();
    }

    public void clear() {
        traders.clear();
    }

    /** Adds every {@code <CC><number>.name} / {@code .address} pair of a properties file. */
    public ViesRegistry load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return load(properties);
        }
    }

    /** Adds every {@code <CC><number>.name} / {@code .address} pair. */
    public ViesRegistry load(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (key.endsWith(".name") && key.length() > ".name".length() + 2) {
                String id = key.substring(0, key.length() - ".name".length()).strip();
                register(
                        id.substring(0, 2),
                        id.substring(2),
                        properties.getProperty(key),
                        properties.getProperty(id + ".address", "---"));
            }
        }
        return this;
    }

    private static String key(String countryCode, String vatNumber) {
        return countryCode.toUpperCase(Locale.ROOT) + ":" + vatNumber.toUpperCase(Locale.ROOT);
    }
}
