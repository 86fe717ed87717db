package io.freightgate.emulator.vies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ViesEmulatorTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ViesEmulator emulator;

    @BeforeAll
    static void start() {
        // 2024-01-06T23:30Z is already 7 January in Brussels (+01:00).
        Clock clock = Clock.fixed(Instant.parse("2024-01-06T23:30:00Z"), ZoneOffset.UTC);
        emulator = ViesEmulator.start(ViesEmulatorConfig.defaults()
                .withClock(clock)
                .withRegistry(new ViesRegistry()
                        .register("DE", "136695976", "Beispiel Spedition GmbH", "Hafenstr. 1\n20457 Hamburg")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void reset() {
        emulator.reset();
    }

    static String approx(String country, String number, String requesterCountry, String requesterNumber) {
        String requester = requesterCountry == null
                ? ""
                : "<t:requesterCountryCode>" + requesterCountry + "</t:requesterCountryCode><t:requesterVatNumber>"
                        + requesterNumber + "</t:requesterVatNumber>";
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:t=\"urn:ec.europa.eu:taxud:vies:services:checkVat:types\"><soapenv:Body><t:checkVatApprox>"
                + "<t:countryCode>" + country + "</t:countryCode><t:vatNumber>" + number + "</t:vatNumber>"
                + requester + "</t:checkVatApprox></soapenv:Body></soapenv:Envelope>";
    }

    static String checkVat(String country, String number) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:t=\"urn:ec.europa.eu:taxud:vies:services:checkVat:types\"><soapenv:Body><t:checkVat>"
                + "<t:countryCode>" + country + "</t:countryCode><t:vatNumber>" + number + "</t:vatNumber>"
                + "</t:checkVat></soapenv:Body></soapenv:Envelope>";
    }

    static HttpResponse<String> post(URI uri, String body) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"\"")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> control(String method, String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(emulator.controlUrl() + pathAndQuery))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void test_number_100_is_valid_with_the_commission_test_data() throws Exception {
        var response = post(emulator.endpointUrl(), checkVat("DE", "100"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/xml"));
        assertThat(response.body())
                .contains("<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">")
                .contains("<ns2:checkVatResponse xmlns:ns2=\"urn:ec.europa.eu:taxud:vies:services:checkVat:types\">")
                .contains("<ns2:countryCode>DE</ns2:countryCode><ns2:vatNumber>100</ns2:vatNumber>")
                .contains("<ns2:requestDate>2024-01-07+01:00</ns2:requestDate><ns2:valid>true</ns2:valid>")
                .contains("<ns2:name>John Doe</ns2:name><ns2:address>123 Main St, Anytown, UK</ns2:address>");
    }

    @Test
    void test_number_200_is_invalid() throws Exception {
        var response = post(emulator.endpointUrl(), approx("FR", "200", "DE", "136695976"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<ns2:valid>false</ns2:valid>")
                .contains("<ns2:traderName>---</ns2:traderName>");
    }

    static final Map<String, String> TEST_FAULTS = ViesEmulator.TEST_FAULTS;
    static final Set<String> FAULT_NUMBERS = TEST_FAULTS.keySet();

    @ParameterizedTest
    @FieldSource("FAULT_NUMBERS")
    void test_numbers_201_to_601_answer_their_soap_fault(String number) throws Exception {
        var response = post(emulator.endpointUrl(), approx("IT", number, "DE", "136695976"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("<faultcode>env:Server</faultcode>")
                .contains("<faultstring>" + TEST_FAULTS.get(number) + "</faultstring>");
    }

    @Test
    void the_eleven_documented_fault_numbers_are_all_there() {
        assertThat(TEST_FAULTS)
                .hasSize(11)
                .containsEntry("201", "INVALID_INPUT")
                .containsEntry("302", "TIMEOUT")
                .containsEntry("401", "IP_BLOCKED")
                .containsEntry("601", "MS_MAX_CONCURRENT_REQ_TIME");
    }

    @Test
    void registered_numbers_are_valid_with_name_and_address_others_invalid() throws Exception {
        var registered = post(emulator.endpointUrl(), approx("DE", "136695976", "DE", "136695976"));
        var unknown = post(emulator.endpointUrl(), approx("DE", "811363057", "DE", "136695976"));

        assertThat(registered.body())
                .contains("<ns2:valid>true</ns2:valid>")
                .contains("<ns2:traderName>Beispiel Spedition GmbH</ns2:traderName>")
                .contains("<ns2:traderAddress>Hafenstr. 1\n20457 Hamburg</ns2:traderAddress>");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("<ns2:valid>false</ns2:valid>");
    }

    @Test
    void approx_response_elements_come_in_the_wsdl_order() throws Exception {
        String body = post(emulator.endpointUrl(), approx("DE", "136695976", "AT", "U13585627"))
                .body();

        int[] positions = {
            body.indexOf("<ns2:countryCode>"),
            body.indexOf("<ns2:vatNumber>"),
            body.indexOf("<ns2:requestDate>"),
            body.indexOf("<ns2:valid>"),
            body.indexOf("<ns2:traderName>"),
            body.indexOf("<ns2:traderAddress>"),
            body.indexOf("<ns2:requestIdentifier>")
        };
        assertThat(positions).doesNotContain(-1).isSorted();
    }

    @Test
    void consultation_numbers_are_unique_and_only_issued_with_a_requester() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String body = post(emulator.endpointUrl(), approx("DE", "136695976", "DE", "136695976"))
                    .body();
            String id = body.replaceAll("(?s).*<ns2:requestIdentifier>([^<]*)</ns2:requestIdentifier>.*", "$1");
            assertThat(id).matches("WAPI[0-9A-Za-z]{13}");
            ids.add(id);
        }
        assertThat(ids).hasSize(20);

        String anonymous = post(emulator.endpointUrl(), approx("DE", "136695976", null, null))
                .body();
        assertThat(anonymous).contains("<ns2:requestIdentifier></ns2:requestIdentifier>");
    }

    @Test
    void malformed_input_is_invalid_input_and_bad_requester_is_invalid_requester_info() throws Exception {
        assertThat(post(emulator.endpointUrl(), approx("GB", "980780684", null, null))
                        .body())
                .contains("<faultstring>INVALID_INPUT</faultstring>");
        assertThat(post(emulator.endpointUrl(), approx("DE", "1", null, null)).body())
                .contains("<faultstring>INVALID_INPUT</faultstring>");
        assertThat(post(emulator.endpointUrl(), approx("DE", "136695976", "XX", "123"))
                        .body())
                .contains("<faultstring>INVALID_REQUESTER_INFO</faultstring>");
    }

    @Test
    void injected_faults_apply_to_matching_requests_for_the_given_number_of_times() throws Exception {
        emulator.injectFault(new FaultRule("MS_MAX_CONCURRENT_REQ", "DE", null, 2));

        assertThat(post(emulator.endpointUrl(), approx("AT", "U13585627", null, null))
                        .body())
                .doesNotContain("Fault");
        assertThat(post(emulator.endpointUrl(), approx("DE", "136695976", null, null))
                        .body())
                .contains("<faultstring>MS_MAX_CONCURRENT_REQ</faultstring>");
        assertThat(post(emulator.endpointUrl(), approx("DE", "136695976", null, null))
                        .body())
                .contains("<faultstring>MS_MAX_CONCURRENT_REQ</faultstring>");
        assertThat(post(emulator.endpointUrl(), approx("DE", "136695976", null, null))
                        .body())
                .contains("<ns2:valid>true</ns2:valid>");
    }

    @Test
    void the_control_endpoint_injects_faults_latency_and_registrations() throws Exception {
        assertThat(control("GET", "/health").body()).isEqualTo("ok\n");
        assertThat(control("POST", "/faults?code=MS_UNAVAILABLE&country=EL").statusCode())
                .isEqualTo(200);
        assertThat(post(emulator.endpointUrl(), approx("EL", "094259216", null, null))
                        .body())
                .contains("<faultstring>MS_UNAVAILABLE</faultstring>");
        assertThat(control("DELETE", "/faults").statusCode()).isEqualTo(200);

        assertThat(control("POST", "/registry?countryCode=EL&vatNumber=094259216&name=Demo%20AE&address=Athens")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post(emulator.endpointUrl(), approx("EL", "094259216", null, null))
                        .body())
                .contains("<ns2:traderName>Demo AE</ns2:traderName>");

        assertThat(control("POST", "/latency?millis=300").body()).contains("300");
        long started = System.nanoTime();
        post(emulator.endpointUrl(), approx("DE", "100", null, null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        assertThat(control("POST", "/faults").statusCode()).isEqualTo(400);
        assertThat(control("GET", "/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void serves_its_wsdl_with_its_own_address() throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(emulator.wsdlUrl()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("targetNamespace=\"urn:ec.europa.eu:taxud:vies:services:checkVat\"")
                .contains("location=\"" + emulator.endpointUrl() + "\"");
    }

    @Test
    void refuses_doctype_declarations_and_external_entities() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:t=\"urn:ec.europa.eu:taxud:vies:services:checkVat:types\"><soapenv:Body><t:checkVat>"
                + "<t:countryCode>DE</t:countryCode><t:vatNumber>&e;</t:vatNumber></t:checkVat></soapenv:Body>"
                + "</soapenv:Envelope>";

        var response = post(emulator.endpointUrl(), xxe);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("<faultcode>env:Client</faultcode>")
                .doesNotContain("root:");
    }

    @Test
    void non_soap_and_oversized_requests_are_rejected() throws Exception {
        assertThat(post(emulator.endpointUrl(), "not xml").body()).contains("env:Client");
        assertThat(post(emulator.endpointUrl(), "x".repeat(70_000)).statusCode())
                .isEqualTo(413);
    }

    @Test
    void the_registry_loads_a_properties_file(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("demo.properties");
        Files.writeString(
                file, "EL094259216.name = Demo AE\nEL094259216.address = Odos 1\\nAthens\nDE811363057.name=X\n");

        ViesRegistry registry = new ViesRegistry().load(file);

        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.find("EL", "094259216"))
                .hasValue(new ViesRegistry.RegisteredTrader("EL", "094259216", "Demo AE", "Odos 1\nAthens"));
        assertThat(registry.find("DE", "811363057"))
                .hasValueSatisfying(t -> assertThat(t.address()).isEqualTo("---"));
    }
}
