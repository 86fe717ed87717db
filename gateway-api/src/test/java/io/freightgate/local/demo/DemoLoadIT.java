package io.freightgate.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Local mode seeds the demo load with telematics, a proof of delivery at the consignee and messages. */
@TestPropertySource(properties = "freightgate.local.data-dir=target/local-demo-it")
class DemoLoadIT extends GatewayIT {

    @Autowired
    DemoLoad demo;

    @Test
    void theDemoLoadIsDeliveredWithPingsAProofOfDeliveryAndAnIntactLog() {
        TenantId carrier = organization(DemoLoad.CARRIER);
        String dispatcher = callers.of(carrier, Role.CARRIER_DISPATCHER);
        JsonNode load = demoLoad(dispatcher);
        String id = load.get("id").asString();

        assertThat(load.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(load.get("shipper").asString())
                .isEqualTo(organization(DemoLoad.SHIPPER).toString());
        for (JsonNode stop : load.get("stops")) {
            assertThat(stop.get("arrived_at")).isNotNull();
            assertThat(stop.get("departed_at")).isNotNull();
            assertThat(stop.get("dwell_seconds").asLong()).isPositive();
        }
        JsonNode proofs = api.get("/api/v1/loads/" + id + "/delivery-confirmations")
                .token(dispatcher)
                .send()
                .json();
        assertThat(proofs).hasSize(1);
        assertThat(proofs.get(0).get("flags")).isEmpty();
        assertThat(proofs.get(0).get("exif_lat").asDouble()).isBetween(45.76, 45.77);
        List<String> channels = new ArrayList<>();
        api.get("/api/v1/loads/" + id + "/communication-log")
                .token(dispatcher)
                .send()
                .json()
                .forEach(entry -> channels.add(entry.get("channel").asString()));
        assertThat(channels).contains("SYSTEM", "API", "EMAIL");
        assertThat(api.get("/api/v1/loads/" + id + "/communication-log/verification")
                        .token(dispatcher)
                        .send()
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aSecondSeedingAddsNothing() {
        TenantId carrier = organization(DemoLoad.CARRIER);
        String dispatcher = callers.of(carrier, Role.CARRIER_DISPATCHER);
        int before = api.get("/api/v1/loads").token(dispatcher).send().json().size();

        demo.seed();

        assertThat(api.get("/api/v1/loads").token(dispatcher).send().json().size())
                .isEqualTo(before);
    }

    private JsonNode demoLoad(String token) {
        for (JsonNode load : api.get("/api/v1/loads").token(token).send().json()) {
            if (load.get("load_number").asString().equals(DemoLoad.LOAD_NUMBER)) {
                return load;
            }
        }
        throw new AssertionError("No demo load");
    }

    private TenantId organization(String name) {
        for (JsonNode organization : api.get("/api/v1/organizations")
                .token(callers.platformAdmin())
                .send()
                .json()) {
            if (organization.get("legal_name").asString().equals(name)) {
                return TenantId.of(organization.get("id").asString());
            }
        }
        throw new AssertionError("No organization " + name);
    }
}
