package io.freightgate.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.freightgate.client.ApiClient;
import io.freightgate.client.ApiException;
import io.freightgate.client.api.PaymentRequestsApi;
import io.freightgate.client.api.TransfersApi;
import io.freightgate.client.model.PaymentAttemptView;
import io.freightgate.client.model.PaymentRequestView;
import io.freightgate.client.model.PaymentRequestsCreateRequest;
import io.freightgate.client.model.PaymentRequestsCreatedResponse;
import io.freightgate.client.model.PaymentRequestsPayRequest;
import io.freightgate.client.model.TransferView;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A carrier's and a shipper's integration, written against the Java client that openapi-generator makes from the
 * committed docs/api/openapi.json, drives a payment through the running gateway: the carrier bills the shipper, the
 * shipper pays by card (the Stripe emulator's test payment method), the carrier reads its transfer. If the document and
 * the wire disagree (names, shapes, status codes), the generated client cannot do this.
 */
class GeneratedClientJourneyIT extends GatewayIT {

    @Test
    void aCarrierBillsTheShipperPaysByCardAndTheCarrierReadsItsTransfer() throws ApiException {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        var carrierClient = client(callers.of(carrier, Role.CARRIER_ADMIN));
        var shipperClient = client(callers.of(shipper, Role.SHIPPER_PAYER));
        LocalDate today = LocalDate.now();

        PaymentRequestsCreatedResponse created = new PaymentRequestsApi(carrierClient)
                .paymentRequestsCreate(
                        UUID.randomUUID().toString(),
                        new PaymentRequestsCreateRequest()
                                .shipperId(shipper.value())
                                .amountMinor(125_000L)
                                .currency("EUR")
                                .loadReference("LD-CLIENT-1")
                                .origin("Hamburg, DE")
                                .destination("Lyon, FR")
                                .pickupDate(today)
                                .deliveryDate(today.plusDays(2))
                                .dueDate(today.plusDays(30)));
        PaymentRequestView request = created.getPaymentRequest();
        assertThat(request.getStatus()).isEqualTo(PaymentRequestView.StatusEnum.OPEN);
        assertThat(request.getAmount().getMinor()).isEqualTo(125_000L);
        assertThat(request.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(created.getPaymentPageUrl()).contains("/pay/");

        PaymentAttemptView attempt = new PaymentRequestsApi(shipperClient)
                .paymentRequestsPay(
                        request.getId(),
                        UUID.randomUUID().toString(),
                        new PaymentRequestsPayRequest().method("card").paymentMethod("pm_card_visa"));
        assertThat(attempt.getOutcome()).isEqualTo("APPROVED");

        assertThat(new PaymentRequestsApi(carrierClient)
                        .paymentRequestsGet(request.getId())
                        .getStatus())
                .isEqualTo(PaymentRequestView.StatusEnum.PAID);
        TransferView transfer = new TransfersApi(carrierClient).transfersGet(request.getId());
        assertThat(transfer.getStatus()).isEqualTo("PENDING");
        assertThat(transfer.getWaitingFor()).contains("DELIVERY_NOT_CONFIRMED");
        assertThat(transfer.getFee().getMinor()).isEqualTo(2_525L); // 2 % + 0.25 EUR
        assertThat(transfer.getAmount().getMinor()).isEqualTo(122_475L);
    }

    @Test
    void aRefusedRequestArrivesAsAProblem() {
        var driver = client(callers.of(TenantId.random(), Role.CARRIER_DRIVER));
        LocalDate today = LocalDate.now();

        var refused = catchThrowableOfType(ApiException.class, () -> new PaymentRequestsApi(driver)
                .paymentRequestsCreate(
                        UUID.randomUUID().toString(),
                        new PaymentRequestsCreateRequest()
                                .shipperId(UUID.randomUUID())
                                .amountMinor(1_000L)
                                .currency("EUR")
                                .loadReference("LD-CLIENT-2")
                                .origin("Hamburg, DE")
                                .destination("Lyon, FR")
                                .pickupDate(today)
                                .deliveryDate(today)
                                .dueDate(today)));

        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.getResponseBody()).contains("\"type\":\"/problems/forbidden\"");
    }

    private ApiClient client(String token) {
        var client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private TenantId organization(String type) {
        String email = type.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
        var response = api.post("/api/v1/organizations", organizationJson(type, type + " " + UUID.randomUUID(), email))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }
}
