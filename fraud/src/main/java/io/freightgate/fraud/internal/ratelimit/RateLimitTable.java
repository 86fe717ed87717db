package io.freightgate.fraud.internal.ratelimit;

import io.freightgate.platform.ratelimit.KeyKind;
import io.freightgate.platform.ratelimit.RateLimit;
import io.freightgate.platform.ratelimit.RateLimitPolicy;
import io.freightgate.platform.ratelimit.UserType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit policy table: a limit per action, user type and key kind, read from {@code
 * freightgate.rate-limits.table.<action>.<user-type>.<key>=<capacity>/<period>} (docs/fraud.md), where the user type
 * and key may be {@code any}. The most specific row wins: the exact user type and key, then the user type with any key,
 * then any user type with the key, then any user type and key; an action without a row is not limited. Every limit of
 * an action (and key kind) has its own bucket, so the carriers' and the shippers' rows of one action never share one.
 *
 * <p>Which API requests are which action comes from {@code freightgate.rate-limits.routes.<action>=<METHOD> <path>,
 * ...}, where {@code *} stands for one path segment and {@code **} for the rest of the path.
 */
public final class RateLimitTable implements RateLimitPolicy {

    static final String ANY = "any";
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final Map<Row, RateLimit> rows;
    private final List<Route> routes;

    private record Row(
            String action,
            @Nullable UserType userType,
            @Nullable KeyKind key) {}

    private record Route(String action, String method, Pattern path) {}

    private RateLimitTable(Map<Row, RateLimit> rows, List<Route> routes) {
        this.rows = Map.copyOf(rows);
        this.routes = List.copyOf(routes);
    }

    /**
     * Reads the table; every row must name a known user type ({@code carrier}, {@code shipper}, {@code platform},
     * {@code anonymous}, {@code any}) and key ({@code api-client}, {@code user}, {@code ip}, {@code pay-link}, {@code
     * card}, {@code any}) and a positive limit, or the application does not start.
     */
    public static RateLimitTable of(Map<String, String> table, Map<String, String> routes) {
        Map<Row, RateLimit> rows = new HashMap<>();
        table.forEach((name, value) -> {
            String[] parts = name.split("\\.");
            if (parts.length != 3 || !ACTION.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("freightgate.rate-limits.table." + name
                        + ": expected <action>.<user-type>.<key> (lower case, any for every user type or key)");
            }
            Row row = new Row(parts[0], userType(name, parts[1]), key(name, parts[2]));
            rows.put(row, limit(name, bucketName(row), value));
        });
        List<Route> parsedRoutes = new ArrayList<>();
        routes.forEach((action, value) -> {
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException("freightgate.rate-limits.routes." + action + ": not an action name");
            }
            for (String route : value.split(",")) {
                String[] parts = route.strip().split("\\s+");
                if (parts.length != 2 || !parts[1].startsWith("/")) {
                    throw new IllegalArgumentException(
                            "freightgate.rate-limits.routes." + action + ": expected <METHOD> <path>, got " + route);
                }
                parsedRoutes.add(new Route(action, parts[0].toUpperCase(Locale.ROOT), glob(parts[1])));
            }
        });
        return new RateLimitTable(rows, parsedRoutes);
    }

    @Override
    public Optional<RateLimit> limit(String action, UserType userType, KeyKind key) {
        for (Row row : List.of(
                new Row(action, userType, key),
                new Row(action, userType, null),
                new Row(action, null, key),
                new Row(action, null, null))) {
            RateLimit limit = rows.get(row);
            if (limit != null) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> actionsOf(String method, String path) {
        return routes.stream()
                .filter(route -> route.method().equalsIgnoreCase(method)
                        && route.path().matcher(path).matches())
                .map(Route::action)
                .distinct()
                .toList();
    }

    /** The actions the table has rows for. */
    public List<String> actions() {
        return rows.keySet().stream().map(Row::action).distinct().sorted().toList();
    }

    private static String bucketName(Row row) {
        return row.action() + ":" + (row.userType() == null ? ANY : name(row.userType())) + ":"
                + (row.key() == null ? ANY : name(row.key()));
    }

    private static @Nullable UserType userType(String name, String value) {
        if (value.equals(ANY)) {
            return null;
        }
        try {
            return UserType.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("freightgate.rate-limits.table." + name
                    + ": the user type is carrier, shipper, platform, anonymous or any");
        }
    }

    private static @Nullable KeyKind key(String name, String value) {
        if (value.equals(ANY)) {
            return null;
        }
        try {
            return KeyKind.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("freightgate.rate-limits.table." + name
                    + ": the key is api-client, user, ip, pay-link, card or any");
        }
    }

    /** {@code 600/PT1M}: 600 per minute. */
    static RateLimit limit(String name, String bucket, String value) {
        String[] parts = value.strip().split("/");
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("no slash");
            }
            return new RateLimit(bucket, Long.parseLong(parts[0].strip()), Duration.parse(parts[1].strip()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("freightgate.rate-limits." + name
                    + ": expected <capacity>/<ISO-8601 period> such as 600/PT1M, got " + value);
        }
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Pattern glob(String path) {
        StringBuilder regex = new StringBuilder();
        for (String segment : path.substring(1).split("/", -1)) {
            regex.append("/");
            regex.append(
                    switch (segment) {
                        case "**" -> ".*";
                        case "*" -> "[^/]+";
                        default -> Pattern.quote(segment);
                    });
        }
        return Pattern.compile(regex.toString());
    }
}
