package io.freightgate.kyc.internal.vies;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.emulator.vies.FaultRule;
import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.emulator.vies.ViesEmulatorConfig;
import io.freightgate.emulator.vies.ViesRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The generated JAX-WS client against the VIES emulator, over real SOAP on loopback. */
class ViesSoapClientTest {

    private static final Instant NOW = Instant.parse("2024-01-06T23:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static ViesEmulator emulator;
    private static ViesSoapClient client;

    @BeforeAll
    static void start() {
        emulator = ViesEmulator.start(ViesEmulatorConfig.defaults()
                .withClock(CLOCK)
                .withRegistry(new ViesRegistry()
                        .register("DE", "136695976", "Beispiel Spedition GmbH", "Hafenstr. 1\n20457 Hamburg")
                        .register("ES", "B64240914", "---", "---")));
        // Generous for the ordinary calls (a loaded CI machine); the timeout test uses a client of its own.
        client = new ViesSoapClient(settings(emulator.endpointUrl(), Duration.ofSeconds(5)), CLOCK);
    }

    private static ViesClientSettings settings(URI endpoint, Duration requestTimeout) {
        return new ViesClientSettings(endpoint, Duration.ofMillis(500), requestTimeout, "AT", "U13585627");
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void reset() {
        emulator.reset();
    }

    @Test
    void valid_number_carries_name_address_date_consultation_number_and_raw_response() {
        ViesResult result = client.check("DE", "136695976");

        assertThat(result).isInstanceOfSatisfying(ViesResult.Valid.class, v -> {
            assertThat(v.countryCode()).isEqualTo("DE");
            assertThat(v.vatNumber()).isEqualTo("136695976");
            assertThat(v.name()).isEqualTo("Beispiel Spedition GmbH");
            assertThat(v.address()).isEqualTo("Hafenstr. 1\n20457 Hamburg");
            // 23:30 UTC on 6 January is 7 January in Brussels, the date VIES states
            assertThat(v.requestDate()).isEqualTo(LocalDate.of(2024, 1, 7));
            assertThat(v.consultationNumber()).matches("WAPI[0-9A-Za-z]{13}");
            assertThat(v.rawResponse())
                    .contains("checkVatApproxResponse")
                    .contains(v.consultationNumber())
                    .contains("urn:ec.europa.eu:taxud:vies:services:checkVat:types");
            assertThat(v.checkedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void undisclosed_name_and_address_are_absent_not_dashes() {
        assertThat(client.check("ES", "B64240914")).isInstanceOfSatisfying(ViesResult.Valid.class, v -> {
            assertThat(v.name()).isNull();
            assertThat(v.address()).isNull();
        });
    }

    @Test
    void commission_test_number_100_is_valid() {
        assertThat(client.check("FR", "100")).isInstanceOfSatisfying(ViesResult.Valid.class, v -> assertThat(v.name())
                .isEqualTo("John Doe"));
    }

    @Test
    void valid_false_is_invalid_with_its_consultation_number() {
        assertThat(client.check("DE", "200")).isInstanceOfSatisfying(ViesResult.Invalid.class, i -> {
            assertThat(i.consultationNumber()).startsWith("WAPI");
            assertThat(i.requestDate()).isEqualTo(LocalDate.of(2024, 1, 7));
            assertThat(i.rawResponse()).contains("<ns2:valid>false</ns2:valid>");
        });
        assertThat(client.check("DE", "811363057")).isInstanceOf(ViesResult.Invalid.class);
    }

    @Test
    void every_call_gets_a_new_consultation_number() {
        var first = (ViesResult.Valid) client.check("DE", "136695976");
        var second = (ViesResult.Valid) client.check("DE", "136695976");

        assertThat(first.consultationNumber()).isNotEqualTo(second.consultationNumber());
    }

    /** vies.md 1.4 / 2.4: test number -> fault -> handling. */
    static final Map<String, ViesFault> FAULTS = Map.ofEntries(
            Map.entry("202", ViesFault.INVALID_REQUESTER_INFO),
            Map.entry("300", ViesFault.SERVICE_UNAVAILABLE),
            Map.entry("301", ViesFault.MS_UNAVAILABLE),
            Map.entry("302", ViesFault.TIMEOUT),
            Map.entry("400", ViesFault.VAT_BLOCKED),
            Map.entry("401", ViesFault.IP_BLOCKED),
            Map.entry("500", ViesFault.GLOBAL_MAX_CONCURRENT_REQ),
            Map.entry("501", ViesFault.GLOBAL_MAX_CONCURRENT_REQ_TIME),
            Map.entry("600", ViesFault.MS_MAX_CONCURRENT_REQ),
            Map.entry("601", ViesFault.MS_MAX_CONCURRENT_REQ_TIME));

    static final Set<String> FAULT_NUMBERS = FAULTS.keySet();
    static final Set<ViesFault> RETRYABLE = Set.of(
            ViesFault.SERVICE_UNAVAILABLE,
            ViesFault.MS_UNAVAILABLE,
            ViesFault.TIMEOUT,
            ViesFault.GLOBAL_MAX_CONCURRENT_REQ,
            ViesFault.GLOBAL_MAX_CONCURRENT_REQ_TIME,
            ViesFault.MS_MAX_CONCURRENT_REQ,
            ViesFault.MS_MAX_CONCURRENT_REQ_TIME);

    @ParameterizedTest
    @FieldSource("FAULT_NUMBERS")
    void every_soap_fault_is_unknown_never_invalid(String testNumber) {
        ViesFault expected = FAULTS.get(testNumber);

        ViesResult result = client.check("DE", testNumber);

        assertThat(result).isInstanceOfSatisfying(ViesResult.Unknown.class, u -> {
            assertThat(u.fault()).isEqualTo(expected);
            assertThat(u.detail()).isEqualTo(expected.name());
            assertThat(u.retryable()).isEqualTo(RETRYABLE.contains(expected));
            assertThat(u.alertOperator()).isEqualTo(!RETRYABLE.contains(expected));
        });
    }

    @Test
    void invalid_input_fault_is_a_bad_request() {
        assertThat(client.check("DE", "201"))
                .isInstanceOfSatisfying(
                        ViesResult.BadRequest.class, b -> assertThat(b.fault()).isEqualTo(ViesFault.INVALID_INPUT));
        // rejected by VIES (the emulator) because GB is no member state
        assertThat(client.check("GB", "980780684")).isInstanceOf(ViesResult.BadRequest.class);
    }

    @Test
    void malformed_input_is_a_bad_request_without_calling_vies() {
        long before = emulator.requestCount();

        assertThat(client.check("de", "136695976")).isInstanceOf(ViesResult.BadRequest.class);
        assertThat(client.check("DE", "1")).isInstanceOf(ViesResult.BadRequest.class);
        assertThat(client.check(null, "136695976")).isInstanceOf(ViesResult.BadRequest.class);
        assertThat(emulator.requestCount()).isEqualTo(before);
    }

    @Test
    void injected_fault_for_a_member_state_and_an_unknown_faultstring() {
        emulator.injectFault(FaultRule.forCountry("DE", "MS_UNAVAILABLE"));
        assertThat(client.check("DE", "136695976"))
                .isInstanceOfSatisfying(
                        ViesResult.Unknown.class, u -> assertThat(u.fault()).isEqualTo(ViesFault.MS_UNAVAILABLE));
        assertThat(client.check("FR", "100")).isInstanceOf(ViesResult.Valid.class);

        emulator.clearFaults();
        emulator.injectFault("SOMETHING_NEW");
        assertThat(client.check("DE", "136695976")).isInstanceOfSatisfying(ViesResult.Unknown.class, u -> {
            assertThat(u.fault()).isEqualTo(ViesFault.UNEXPECTED);
            assertThat(u.detail()).isEqualTo("SOMETHING_NEW");
            assertThat(u.alertOperator()).isTrue();
        });
    }

    @Test
    void a_slow_answer_beyond_the_request_timeout_is_unknown_and_retryable() {
        emulator.setLatency(Duration.ofMillis(4000));
        var impatient = new ViesSoapClient(settings(emulator.endpointUrl(), Duration.ofMillis(400)), CLOCK);

        long started = System.nanoTime();
        ViesResult result = impatient.check("DE", "136695976");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result).isInstanceOfSatisfying(ViesResult.Unknown.class, u -> {
            assertThat(u.fault()).isEqualTo(ViesFault.CLIENT_TIMEOUT);
            assertThat(u.retryable()).isTrue();
        });
        assertThat(took).as("gave up before the answer came").isLessThan(Duration.ofMillis(3500));
    }

    @Test
    void nobody_listening_is_unknown_network_error() {
        URI closed;
        try (ViesEmulator gone = ViesEmulator.start()) {
            closed = gone.endpointUrl();
        }
        var offline = new ViesSoapClient(settings(closed, Duration.ofMillis(400)), CLOCK);

        assertThat(offline.check("DE", "136695976"))
                .isInstanceOfSatisfying(
                        ViesResult.Unknown.class, u -> assertThat(u.fault()).isEqualTo(ViesFault.NETWORK_ERROR));
    }

    @Test
    void fault_strings_map_to_their_handling() {
        assertThat(ViesFault.fromFaultString("SERVER_BUSY").handling()).isEqualTo(ViesFault.Handling.RETRY);
        assertThat(ViesFault.fromFaultString(" MS_MAX_CONCURRENT_REQ ")).isEqualTo(ViesFault.MS_MAX_CONCURRENT_REQ);
        assertThat(ViesFault.fromFaultString("CLIENT_TIMEOUT")).isEqualTo(ViesFault.UNEXPECTED);
        assertThat(ViesFault.fromFaultString(null)).isEqualTo(ViesFault.UNEXPECTED);
        assertThat(ViesFault.INVALID_INPUT.handling()).isEqualTo(ViesFault.Handling.BAD_REQUEST);
        assertThat(ViesFault.IP_BLOCKED.handling()).isEqualTo(ViesFault.Handling.ALERT_OPERATOR);
    }
}
