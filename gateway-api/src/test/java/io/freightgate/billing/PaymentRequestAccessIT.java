package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Payment requests' refusals end to end: bad input gets a problem and changes nothing, only verified organizations bill
 * and are billed, drivers see no payment request and platform staff see them all (split from
 * {@link PaymentRequestsIT}).
 */
class PaymentRequestAccessIT extends PaymentJourneys {

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        Parties parties = parties();
        String carrierAdmin = callers.of(parties.carrier(), Role.CARRIER_ADMIN);
        int before = list(carrierAdmin).size();
        TenantId otherCarrier = organization("CARRIER");

        assertThat(post(carrierAdmin, body(TenantId.random(), "125000", "EUR")).status())
                .isEqualTo(422);
        assertThat(post(carrierAdmin, body(otherCarrier, "125000", "EUR")).status())
                .isEqualTo(422);
        String unknownLoad = body(parties.shipper(), "125000", "EUR")
                .replace("\"load_reference\"", "\"load_id\":\"" + UUID.randomUUID() + "\",\"load_reference\"");
        assertThat(post(carrierAdmin, unknownLoad).status())
                .as("a load that is not the carrier's")
                .isEqualTo(422);
        assertThat(post(carrierAdmin, body(parties.shipper(), "0", "EUR")).status())
                .isEqualTo(400);
        assertThat(post(carrierAdmin, body(parties.shipper(), "-100", "EUR")).status())
                .isEqualTo(400);
        assertThat(post(carrierAdmin, body(parties.shipper(), "100000000000000000000000", "EUR"))
                        .status())
                .isEqualTo(400);
        assertThat(post(carrierAdmin, body(parties.shipper(), "100000000", "EUR"))
                        .status())
                .isEqualTo(422);
        assertThat(post(carrierAdmin, body(parties.shipper(), "10", "EUR")).status())
                .isEqualTo(422);
        var unsupported = post(carrierAdmin, body(parties.shipper(), "125000", "JPY"));
        assertThat(unsupported.status()).isEqualTo(422);
        assertThat(unsupported.json().get("detail").asString()).contains("not supported");
        assertThat(post(carrierAdmin, body(parties.shipper(), "125000", "XXY")).status())
                .isEqualTo(422);
        assertThat(post(callers.of(parties.shipper(), Role.SHIPPER_ADMIN), body(parties.carrier(), "125000", "EUR"))
                        .status())
                .isEqualTo(403);
        assertThat(list(carrierAdmin)).hasSize(before);

        String id = id(create(parties, 60_000, "EUR", "LD-BAD", false));
        TenantId otherShipper = organization("SHIPPER");
        verifications.verify(otherShipper, false);
        var foreign = api.post(
                        "/api/v1/payment-requests/" + id + "/payments",
                        "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}")
                .token(callers.of(otherShipper, Role.SHIPPER_PAYER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(read(otherShipper, id, 404)).isNull();
        assertThat(read(otherCarrier, id, 404)).isNull();

        String key = UUID.randomUUID().toString();
        var first = api.post("/api/v1/payment-requests/" + id + "/cancel", "{}")
                .token(carrierAdmin)
                .idempotencyKey(key)
                .send();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var reused = api.post("/api/v1/payment-requests/" + id + "/cancel", "{\"other\":true}")
                .token(carrierAdmin)
                .idempotencyKey(key)
                .send();
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");

        var payCanceled = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(payCanceled.status()).isEqualTo(409);
        assertThat(chargesOf(id)).isEmpty();
        assertThat(read(parties.carrier(), id).get("attempts")).isEmpty();
    }

    @Test
    void onlyVerifiedOrganizationsBillAndAreBilled() {
        Parties parties = parties();
        TenantId unverifiedCarrier = organization("CARRIER");
        TenantId unverifiedShipper = organization("SHIPPER");

        var byUnverified =
                post(callers.of(unverifiedCarrier, Role.CARRIER_ADMIN), body(parties.shipper(), "125000", "EUR"));
        assertThat(byUnverified.status()).as(byUnverified.body()).isEqualTo(403);
        assertThat(byUnverified.json().get("type").asString()).isEqualTo("/problems/organization-not-verified");
        var toUnverified =
                post(callers.of(parties.carrier(), Role.CARRIER_ADMIN), body(unverifiedShipper, "125000", "EUR"));
        assertThat(toUnverified.status()).isEqualTo(403);
        assertThat(toUnverified.json().get("detail").asString()).contains(unverifiedShipper.toString());
        assertThat(list(callers.of(parties.carrier(), Role.CARRIER_ADMIN))).isEmpty();
        assertThat(list(callers.of(unverifiedShipper, Role.SHIPPER_ADMIN))).isEmpty();
    }

    @Test
    void driversDoNotSeePaymentRequestsAndPlatformStaffSeeThemAll() {
        Parties parties = parties();
        String id = id(create(parties, 52_000, "EUR", "LD-ROLES", false));
        var driver = api.get("/api/v1/payment-requests/" + id)
                .token(callers.of(parties.carrier(), Role.CARRIER_DRIVER))
                .send();
        assertThat(driver.status()).isEqualTo(403);
        var staff = api.get("/api/v1/payment-requests/" + id)
                .token(callers.platformStaff(Role.FINANCE_AGENT))
                .send();
        assertThat(staff.status()).isEqualTo(200);
        assertThat(list(callers.of(parties.shipper(), Role.SHIPPER_PAYER)))
                .anyMatch(request -> request.get("id").asString().equals(id));
    }
}
