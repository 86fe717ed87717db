package io.freightgate.loads;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import io.freightgate.support.PageForm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A driver link stops working when it expires. Moves the clock that the gateway and the Stripe emulator share by half a
 * day (tag {@code time-travel}: the JVM whose tests move it, which shares one Spring context with them).
 */
@Tag("time-travel")
class DriverLinkExpiryIT extends GatewayIT {

    @Autowired
    StripeEmulator stripe;

    @Autowired
    Clock clock;

    @Test
    void anExpiredDriverLinkIsRefused() {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        String dispatcher = callers.of(carrier, Role.CARRIER_DISPATCHER);
        Instant pickup = clock.instant().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);
        var load = api.post("/api/v1/loads", """
                        {"shipper_id":"%s","load_number":"LD-EXP-1","driver_user_id":"driver-1",
                         "pickup":{"address":"Hamburg","lat":53.5461,"lon":9.9661,"planned_at":"%s"},
                         "delivery":{"address":"Lyon","lat":45.764,"lon":4.8357,"planned_at":"%s"}}
                        """.formatted(shipper, pickup, pickup.plus(Duration.ofHours(8))))
                .token(dispatcher)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(load.status()).as(load.body()).isEqualTo(201);
        var link = api.post("/api/v1/loads/" + load.json().get("id").asString() + "/driver-links", "")
                .token(dispatcher)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String url = link.json().get("url").asString();
        Instant expires = Instant.parse(link.json().get("expires_at").asString());
        assertThat(Duration.between(clock.instant(), expires)).isBetween(Duration.ofHours(11), Duration.ofHours(12));
        assertThat(api.get(url).send().status()).isEqualTo(200);

        stripe.control().advanceClock(Duration.ofHours(11).plusMinutes(50));
        var lastValid = api.get(url).send();
        assertThat(lastValid.status()).isEqualTo(200);
        var form = PageForm.of(lastValid); // the driver opened the page just before the link expired

        stripe.control().advanceClock(Duration.ofMinutes(15));
        var expired = api.get(url).send();
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.body()).contains("expired");
        var upload = api.multipart(
                        "POST",
                        url,
                        Map.of("signatory_name", "J. Smit", "_csrf", form.csrf()),
                        "file",
                        "pod.jpg",
                        "image/jpeg",
                        LoadFixtures.photo(45.764, 4.8357, clock.instant(), 1))
                .header("Cookie", form.cookie())
                .send();
        assertThat(upload.status()).isEqualTo(404);
    }

    private TenantId organization(String type) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson(type, type + " " + UUID.randomUUID(), "ops@expiry.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }
}
