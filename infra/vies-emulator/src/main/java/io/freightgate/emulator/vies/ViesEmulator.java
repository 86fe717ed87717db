package io.freightgate.emulator.vies;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A local VIES {@code checkVatService} (SOAP 1.1, document/literal) on a loopback port, for tests and local mode. It
 * answers {@code checkVat} and {@code checkVatApprox} like the real service:
 *
 * <ul>
 *   <li>the Commission's test numbers, for any country code: {@code 100} valid, {@code 200} invalid, {@code 201}
 *       INVALID_INPUT, {@code 202} INVALID_REQUESTER_INFO, {@code 300} SERVICE_UNAVAILABLE, {@code 301} MS_UNAVAILABLE,
 *       {@code 302} TIMEOUT, {@code 400} VAT_BLOCKED, {@code 401} IP_BLOCKED, {@code 500} GLOBAL_MAX_CONCURRENT_REQ,
 *       {@code 501} GLOBAL_MAX_CONCURRENT_REQ_TIME, {@code 600} MS_MAX_CONCURRENT_REQ, {@code 601}
 *       MS_MAX_CONCURRENT_REQ_TIME;
 *   <li>the numbers of its {@link ViesRegistry} as valid with name and address, any other well-formed number as
 *       {@code valid=false};
 *   <li>malformed country codes or numbers as INVALID_INPUT, a half or malformed requester as INVALID_REQUESTER_INFO;
 *   <li>a consultation number ({@code requestIdentifier}, 17 characters starting {@code WAPI}, unique per emulator)
 *       when the requester country and number are given, an empty one otherwise.
 * </ul>
 *
 * Latency and faults can be injected through this class or the control endpoint ({@code /control/...}, see
 * docs/kyc.md). Start with {@link #start(ViesEmulatorConfig)}, stop with {@link #close()}.
 */
public final class ViesEmulator implements AutoCloseable {

    /** The SOAP path, as on ec.europa.eu. */
    public static final String SERVICE_PATH = "/taxation_customs/vies/services/checkVatService";

    /** The test-service path; it answers exactly like {@link #SERVICE_PATH}. */
    public static final String TEST_SERVICE_PATH = "/taxation_customs/vies/services/checkVatTestService";

    /** The control endpoint's base path. */
    public static final String CONTROL_PATH = "/control";

    private static final System.Logger LOG = System.getLogger(ViesEmulator.class.getName());
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final Set<String> MEMBER_STATES = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z+*.]{2,12}");
    /**
     * A Romanian individual's VAT code is the 13-digit personal numeric code (CNP): one character more than the WSDL's
     * usage rule allows, but a number Romania registers, so the emulator answers for it like for any other.
     */
    private static final Pattern ROMANIAN_PERSONAL_CODE = Pattern.compile("[1-9][0-9]{12}");

    private static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-ddXXX");
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The Commission's test-service numbers and the fault each one produces. */
    static final Map<String, String> TEST_FAULTS = Map.ofEntries(
            Map.entry("201", "INVALID_INPUT"),
            Map.entry("202", "INVALID_REQUESTER_INFO"),
            Map.entry("300", "SERVICE_UNAVAILABLE"),
            Map.entry("301", "MS_UNAVAILABLE"),
            Map.entry("302", "TIMEOUT"),
            Map.entry("400", "VAT_BLOCKED"),
            Map.entry("401", "IP_BLOCKED"),
            Map.entry("500", "GLOBAL_MAX_CONCURRENT_REQ"),
            Map.entry("501", "GLOBAL_MAX_CONCURRENT_REQ_TIME"),
            Map.entry("600", "MS_MAX_CONCURRENT_REQ"),
            Map.entry("601", "MS_MAX_CONCURRENT_REQ_TIME"));

    private final ViesEmulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong consultations = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private volatile Duration latency;

    private ViesEmulator(ViesEmulatorConfig config) throws IOException {
        this.config = config;
        this.latency = config.latency();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 64);
        server.createContext(SERVICE_PATH, this::handleSoap);
        server.createContext(TEST_SERVICE_PATH, this::handleSoap);
        server.createContext(CONTROL_PATH, this::handleControl);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts an emulator; it listens until {@link #close()}. */
    public static ViesEmulator start(ViesEmulatorConfig config) {
        try {
            ViesEmulator emulator = new ViesEmulator(config);
            LOG.log(System.Logger.Level.INFO, "VIES emulator listening on {0}", emulator.endpointUrl());
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("VIES emulator cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** Starts an emulator with {@link ViesEmulatorConfig#defaults()}: loopback, a free port. */
    public static ViesEmulator start() {
        return start(ViesEmulatorConfig.defaults());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The SOAP endpoint, to set as the client's endpoint address. */
    public URI endpointUrl() {
        return baseUri().resolve(SERVICE_PATH);
    }

    /** The WSDL served by the emulator (its {@code soap:address} points at {@link #endpointUrl()}). */
    public URI wsdlUrl() {
        return URI.create(endpointUrl() + "?wsdl");
    }

    /** The control endpoint's base URI. */
    public URI controlUrl() {
        return baseUri().resolve(CONTROL_PATH);
    }

    private URI baseUri() {
        String host = server.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The registered numbers; change it at any time. */
    public ViesRegistry registry() {
        return config.registry();
    }

    /** Delays every following SOAP answer by {@code newLatency}. */
    public void setLatency(Duration newLatency) {
        this.latency = newLatency == null ? Duration.ZERO : newLatency;
    }

    public Duration latency() {
        return latency;
    }

    /** Adds a fault rule; the oldest matching rule wins. */
    public void injectFault(FaultRule rule) {
        faults.add(rule);
    }

    /** Every following request fails with {@code faultString} until {@link #clearFaults()}. */
    public void injectFault(String faultString) {
        injectFault(FaultRule.always(faultString));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Removes faults and latency; keeps the registry. */
    public void reset() {
        clearFaults();
        setLatency(Duration.ZERO);
    }

    /** How many SOAP requests were received (parsed or not). */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------- SOAP

    private void handleSoap(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String query = exchange.getRequestURI().getRawQuery();
            if ("GET".equals(method) && query != null && query.equalsIgnoreCase("wsdl")) {
                send(exchange, 200, "text/xml; charset=utf-8", wsdl());
                return;
            }
            if (!"POST".equals(method)) {
                send(exchange, 405, "text/plain; charset=utf-8", "POST a SOAP 1.1 envelope, or GET ?wsdl");
                return;
            }
            requests.incrementAndGet();
            byte[] body = readLimited(exchange.getRequestBody());
            if (body == null) {
                send(exchange, 413, "text/plain; charset=utf-8", "request too large");
                return;
            }
            Answer answer = answer(body);
            pause();
            send(exchange, answer.status(), "text/xml; charset=utf-8", answer.xml());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String xml) {
        static Answer fault(String code) {
            return new Answer(500, SoapEnvelopes.fault("Server", code));
        }
    }

    private Answer answer(byte[] body) {
        SoapEnvelopes.Request request;
        try {
            request = SoapEnvelopes.parse(body);
        } catch (SoapEnvelopes.MalformedRequest e) {
            return new Answer(500, SoapEnvelopes.fault("Client", e.reason()));
        }
        boolean approx = "checkVatApprox".equals(request.operation());
        if (!approx && !"checkVat".equals(request.operation())) {
            return new Answer(500, SoapEnvelopes.fault("Client", "unknown operation " + request.operation()));
        }
        String country = request.field("countryCode");
        String number = request.field("vatNumber");
        String injected = takeInjectedFault(country, number);
        if (injected != null) {
            return Answer.fault(injected);
        }
        if (number != null && TEST_FAULTS.containsKey(number)) {
            return Answer.fault(TEST_FAULTS.get(number));
        }
        boolean testNumber = "100".equals(number) || "200".equals(number);
        if (!testNumber
                && (country == null
                        || !COUNTRY.matcher(country).matches()
                        || !MEMBER_STATES.contains(country)
                        || number == null
                        || !acceptedNumber(country, number))) {
            return Answer.fault("INVALID_INPUT");
        }
        String requesterCountry = request.field("requesterCountryCode");
        String requesterNumber = request.field("requesterVatNumber");
        boolean hasRequester = notBlank(requesterCountry) || notBlank(requesterNumber);
        if (approx && hasRequester && !validRequester(requesterCountry, requesterNumber)) {
            return Answer.fault("INVALID_REQUESTER_INFO");
        }
        String name;
        String address;
        boolean valid;
        if (testNumber) {
            valid = "100".equals(number);
            name = valid ? "John Doe" : "---";
            address = valid ? "123 Main St, Anytown, UK" : "---";
        } else {
            // not a test number: the check above answered INVALID_INPUT unless both are present
            var trader = config.registry()
                    .find(Objects.requireNonNull(country, "countryCode"), Objects.requireNonNull(number, "vatNumber"));
            valid = trader.isPresent();
            name = trader.map(ViesRegistry.RegisteredTrader::name).orElse("---");
            address = trader.map(ViesRegistry.RegisteredTrader::address).orElse("---");
        }
        String date = REQUEST_DATE.format(ZonedDateTime.now(config.clock()).withZoneSameInstant(config.zone()));
        StringBuilder out = new StringBuilder(512);
        if (approx) {
            out.append("<ns2:checkVatApproxResponse xmlns:ns2=\"")
                    .append(SoapEnvelopes.TYPES_NS)
                    .append("\">");
            SoapEnvelopes.element(out, "countryCode", country);
            SoapEnvelopes.element(out, "vatNumber", number);
            SoapEnvelopes.element(out, "requestDate", date);
            SoapEnvelopes.element(out, "valid", Boolean.toString(valid));
            SoapEnvelopes.element(out, "traderName", name);
            SoapEnvelopes.element(out, "traderAddress", address);
            // Most member states do no approximate matching: every match asked for is NOT_PROCESSED (3).
            for (String field : List.of("Name", "CompanyType", "Street", "Postcode", "City")) {
                if (notBlank(request.field("trader" + field))) {
                    SoapEnvelopes.element(out, "trader" + field + "Match", "3");
                }
            }
            SoapEnvelopes.element(out, "requestIdentifier", hasRequester ? nextConsultationNumber() : "");
            out.append("</ns2:checkVatApproxResponse>");
        } else {
            out.append("<ns2:checkVatResponse xmlns:ns2=\"")
                    .append(SoapEnvelopes.TYPES_NS)
                    .append("\">");
            SoapEnvelopes.element(out, "countryCode", country);
            SoapEnvelopes.element(out, "vatNumber", number);
            SoapEnvelopes.element(out, "requestDate", date);
            SoapEnvelopes.element(out, "valid", Boolean.toString(valid));
            SoapEnvelopes.element(out, "name", name);
            SoapEnvelopes.element(out, "address", address);
            out.append("</ns2:checkVatResponse>");
        }
        return new Answer(200, SoapEnvelopes.envelope(out.toString()));
    }

    private synchronized @Nullable String takeInjectedFault(@Nullable String country, @Nullable String number) {
        for (FaultRule rule : faults) {
            if (rule.matches(country, number)) {
                if (rule.times() > 0) {
                    faults.remove(rule);
                    if (rule.times() > 1) {
                        faults.add(new FaultRule(
                                rule.faultString(), rule.countryCode(), rule.vatNumber(), rule.times() - 1));
                    }
                }
                return rule.faultString();
            }
        }
        return null;
    }

    private static boolean acceptedNumber(String country, String number) {
        return NUMBER.matcher(number).matches()
                || ("RO".equals(country)
                        && ROMANIAN_PERSONAL_CODE.matcher(number).matches());
    }

    private static boolean validRequester(@Nullable String country, @Nullable String number) {
        return country != null
                && number != null
                && MEMBER_STATES.contains(country)
                && NUMBER.matcher(number).matches();
    }

    /** A consultation number in the shape VIES uses ({@code WAPI} + 13 characters), unique per emulator. */
    String nextConsultationNumber() {
        long sequence = consultations.incrementAndGet();
        StringBuilder id = new StringBuilder("WAPI");
        String seq = Long.toString(sequence, 36).toUpperCase(java.util.Locale.ROOT);
        id.append("0".repeat(Math.max(0, 6 - seq.length()))).append(seq);
        for (int i = 0; i < 7; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    private void pause() throws InterruptedException {
        Duration d = latency;
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d);
        }
    }

    private String wsdl() throws IOException {
        try (InputStream in = ViesEmulator.class.getResourceAsStream("checkVatService.wsdl")) {
            if (in == null) {
                throw new IOException("checkVatService.wsdl missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("location=\"[^\"]*\"", "location=\"" + endpointUrl() + "\"");
        }
    }

    // ------------------------------------------------------------------------------------------------- control

    private void handleControl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(CONTROL_PATH.length());
            String method = exchange.getRequestMethod();
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            try {
                String result =
                        switch (method + " " + path) {
                            case "GET /health" -> "ok";
                            case "GET /state" ->
                                "latencyMillis=" + latency.toMillis() + "\nfaults=" + faults.size() + "\nregistered="
                                        + registry().size() + "\nrequests=" + requests.get();
                            case "POST /latency" -> {
                                setLatency(Duration.ofMillis(Long.parseLong(params.getOrDefault("millis", "0"))));
                                yield "latencyMillis=" + latency.toMillis();
                            }
                            case "POST /faults" -> {
                                String code = params.get("code");
                                if (code == null || !code.matches("[A-Z_]{3,40}")) {
                                    throw new IllegalArgumentException("code=<VIES fault string> required");
                                }
                                injectFault(new FaultRule(
                                        code,
                                        params.get("country"),
                                        params.get("vatNumber"),
                                        Integer.parseInt(params.getOrDefault("times", "-1"))));
                                yield "faults=" + faults.size();
                            }
                            case "DELETE /faults" -> {
                                clearFaults();
                                yield "faults=0";
                            }
                            case "POST /registry" -> {
                                String country = params.get("countryCode");
                                String number = params.get("vatNumber");
                                if (country == null || number == null) {
                                    throw new IllegalArgumentException("countryCode and vatNumber required");
                                }
                                registry().register(country, number, params.get("name"), params.get("address"));
                                yield "registered=" + registry().size();
                            }
                            case "DELETE /registry" -> {
                                registry()
                                        .deregister(
                                                params.getOrDefault("countryCode", ""),
                                                params.getOrDefault("vatNumber", ""));
                                yield "registered=" + registry().size();
                            }
                            case "POST /reset" -> {
                                reset();
                                yield "reset";
                            }
                            default -> null;
                        };
                if (result == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "unknown control " + method + " " + path);
                } else {
                    send(exchange, 200, "text/plain; charset=utf-8", result + "\n");
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static byte @Nullable [] readLimited(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return data.length > MAX_REQUEST_BYTES ? null : data;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
