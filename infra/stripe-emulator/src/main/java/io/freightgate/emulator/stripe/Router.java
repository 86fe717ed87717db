package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Maps {@code METHOD /v1/...} templates ({@code {id}} segments) to handlers. */
final class Router {

    /** Handles one matched API call and returns the response body. */
    @FunctionalInterface
    interface Handler {
        JsonObject handle(ApiCall call);
    }

    /**
     * A route.
     *
     * @param method the HTTP method
     * @param template the path template
     * @param params the allowed top-level parameters, or {@code null} to accept any
     * @param handler the handler
     */
    record Route(String method, String template, Pattern pattern, Set<String> params, Handler handler) {}

    /** A route matched with its path variables. */
    record Match(Route route, List<String> vars) {}

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Set<String> params, Handler handler) {
        String regex = template.replaceAll("\\{[a-z_]+}", "([^/]+)");
        routes.add(new Route(method, template, Pattern.compile(regex), params, handler));
    }

    @Nullable
    Match match(String method, String path) {
        for (Route r : routes) {
            if (!r.method().equals(method)) {
                continue;
            }
            Matcher m = r.pattern().matcher(path);
            if (m.matches()) {
                List<String> vars = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    vars.add(m.group(i));
                }
                return new Match(r, vars);
            }
        }
        return null;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }
}
