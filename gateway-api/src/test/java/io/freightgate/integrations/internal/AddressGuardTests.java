package io.freightgate.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.integrations.WebhookUrlRefused;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTests {

    static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "internal.example.com", List.of("10.1.2.3"),
            "mixed.example.com", List.of("93.184.216.34", "192.168.0.10"),
            "metadata.example.com", List.of("169.254.169.254"),
            "v6.example.com", List.of("2606:2800:220:1:248:1893:25c8:1946"),
            "localhost", List.of("127.0.0.1", "::1"));

    static AddressGuard production() {
        return new AddressGuard(false, false, AddressGuardTests::resolve);
    }

    static AddressGuard local() {
        return new AddressGuard(true, true, AddressGuardTests::resolve);
    }

    static List<InetAddress> resolve(String host) throws UnknownHostException {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            // Literal addresses resolve to themselves, without DNS.
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        List<InetAddress> resolved = new java.util.ArrayList<>();
        for (String address : addresses) {
            resolved.add(InetAddress.getByName(address));
        }
        return resolved;
    }

    @Test
    void acceptsHttpsToPublicAddresses() {
        assertThat(production().check("https://hooks.example.com/freightgate").getHost())
                .isEqualTo("hooks.example.com");
        assertThat(production().check("https://v6.example.com:8443/x")).isNotNull();
        assertThat(production().check("https://93.184.216.34/x")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://internal.example.com/hook",
                "https://mixed.example.com/hook",
                "https://metadata.example.com/latest/meta-data",
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.1/hook",
                "https://172.16.5.4/hook",
                "https://192.168.1.1/hook",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://255.255.255.255/hook",
                "https://224.0.0.1/hook",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[64:ff9b::a9fe:a9fe]/hook",
                "https://[::]/hook",
                "https://localhost/hook",
                "https://127.0.0.1/hook",
                "https://[::1]/hook"
            })
    void refusesInternalAddressesInProduction(String url) {
        assertThatThrownBy(() -> production().check(url))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessageContaining("internal address");
    }

    @Test
    void refusesPlainHttpInProductionAndOtherSchemesEverywhere() {
        assertThatThrownBy(() -> production().check("http://hooks.example.com/hook"))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessage("The URL must use https");
        assertThatThrownBy(() -> local().check("ftp://hooks.example.com/hook")).isInstanceOf(WebhookUrlRefused.class);
        assertThatThrownBy(() -> local().check("/relative")).isInstanceOf(WebhookUrlRefused.class);
        assertThatThrownBy(() -> local().check("https://user:pw@hooks.example.com/"))
                .isInstanceOf(WebhookUrlRefused.class);
        assertThatThrownBy(() -> local().check("https://nowhere.invalid/"))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> local().check("https://bad host/")).isInstanceOf(WebhookUrlRefused.class);
    }

    @Test
    void localModeAllowsLoopbackAndHttpButStillNoPrivateAddresses() {
        assertThat(local().check("http://127.0.0.1:9999/hook")).isNotNull();
        assertThat(local().check("http://localhost:9999/hook")).isNotNull();
        assertThat(local().check("http://[::1]:9999/hook")).isNotNull();
        assertThatThrownBy(() -> local().check("http://10.0.0.1/hook")).isInstanceOf(WebhookUrlRefused.class);
        assertThatThrownBy(() -> local().check("http://169.254.169.254/")).isInstanceOf(WebhookUrlRefused.class);
    }
}
