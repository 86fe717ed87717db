package io.freightgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.RegisterOrganization;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.support.ModuleTestPorts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Billing with its direct dependencies (the ledger, the organizations it bills for, kernel and platform) against the
 * embedded PostgreSQL and the Stripe emulator: a carrier bills a shipper, the shipper pays by card, the carrier refunds
 * part of it, through the facades as the API drives them. Transfers are not started: what they would do is asserted as
 * billing's events ({@link PaymentCollected} in the paying transaction, {@link PaidRequestCommitted} after it, and the
 * refund's {@link RefundOutcomeChanged} and {@link RefundOutcomeCommitted}). The participation port (KYC through
 * {@code flows}) is answered by a test bean: both parties are verified. Local mode and the emulators are included
 * explicitly; the structure is verified by {@code ModularityTests} ({@code verifyAutomatically = false}).
 */
@Import({
    ModuleTestPorts.NoRequestTenants.class,
    ModuleTestPorts.NoRateLimitPolicy.class,
    ModuleTestPorts.EveryoneParticipates.class
})
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"local", "emulator"},
        verifyAutomatically = false)
class BillingModuleIT {

    @Autowired
    PaymentRequests paymentRequests;

    @Autowired
    Payments payments;

    @Autowired
    OrganizationDirectory organizations;

    @Autowired
    Clock clock;

    record Parties(TenantId carrier, TenantId shipper) {}

    @Test
    void aCardPaymentPaysTheRequestAndTellsTransfersInAndAfterItsTransaction(AssertablePublishedEvents events) {
        Parties parties = parties();
        PaymentRequestView request = bill(parties, 125_000, "LD-BILL-1");

        assertThat(request.status()).isEqualTo(PaymentRequestStatus.OPEN);
        assertThat(events)
                .contains(PaymentRequestCreated.class)
                .matching(PaymentRequestCreated::paymentRequestId, request.id())
                .matching(PaymentRequestCreated::amount, Money.of(125_000, "EUR"));

        PaymentAttemptView attempt = asShipper(
                        parties, () -> payments.pay(request.id(), new PayWith.Card("pm_card_visa", Optional.empty())))
                .accepted()
                .orElseThrow();

        assertThat(attempt.outcome()).isEqualTo("APPROVED");
        PaymentRequestView paid = asCarrier(parties, () -> paymentRequests.find(request.id(), Reach.OWN_TENANT))
                .orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentRequestStatus.PAID);
        assertThat(paid.amountPaid()).isEqualTo(Money.of(125_000, "EUR"));
        assertThat(events)
                .contains(PaymentRequestPaid.class)
                .matching(PaymentRequestPaid::paymentRequestId, request.id())
                .matching(PaymentRequestPaid::carrier, parties.carrier())
                .matching(PaymentRequestPaid::method, "CARD");
        assertThat(events)
                .contains(PaymentCollected.class)
                .matching(PaymentCollected::paymentRequestId, request.id())
                .matching(PaymentCollected::carrier, parties.carrier())
                .matching(PaymentCollected::loadReference, "LD-BILL-1")
                .matching(PaymentCollected::amountPaid, Money.of(125_000, "EUR"))
                .matching(PaymentCollected::screenedForReview, false)
                .matching(collected -> collected.stripeChargeId().startsWith("ch_"), true);
        assertThat(events)
                .contains(PaidRequestCommitted.class)
                .matching(PaidRequestCommitted::paymentRequestId, request.id());
    }

    @Test
    void aPartialRefundIsRecordedAndItsOutcomeAnnouncedInAndAfterItsTransaction(AssertablePublishedEvents events) {
        Parties parties = parties();
        PaymentRequestView request = bill(parties, 60_000, "LD-BILL-2");
        asShipper(parties, () -> payments.pay(request.id(), new PayWith.Card("pm_card_visa", Optional.empty())));

        RefundView refund = asCarrier(
                parties,
                () -> payments.refund(
                        request.id(), Optional.of(10_000L), Optional.of("damaged pallet"), Reach.OWN_TENANT));

        assertThat(refund.outcome()).isEqualTo("APPROVED");
        assertThat(refund.amount()).isEqualTo(Money.of(10_000, "EUR"));
        assertThat(refund.stripeRefundId())
                .hasValueSatisfying(id -> assertThat(id).startsWith("re_"));
        PaymentRequestView refunded = asCarrier(parties, () -> paymentRequests.find(request.id(), Reach.OWN_TENANT))
                .orElseThrow();
        assertThat(refunded.status()).isEqualTo(PaymentRequestStatus.PARTIALLY_REFUNDED);
        assertThat(refunded.amountRefunded()).isEqualTo(Money.of(10_000, "EUR"));
        assertThat(events)
                .contains(RefundOutcomeChanged.class)
                .matching(RefundOutcomeChanged::refundId, refund.id())
                .matching(RefundOutcomeChanged::after, RefundOutcome.APPROVED)
                .matching(RefundOutcomeChanged::carrier, parties.carrier())
                .matching(RefundOutcomeChanged::amount, Money.of(10_000, "EUR"))
                .matching(changed -> changed.refundsOfRequest().size(), 1);
        assertThat(events)
                .contains(RefundOutcomeCommitted.class)
                .matching(RefundOutcomeCommitted::refundId, refund.id());
    }

    @Test
    void aRequestIsPaidOnlyByItsShipper() {
        Parties parties = parties();
        Parties strangers = parties();
        PaymentRequestView request = bill(parties, 20_000, "LD-BILL-3");

        var refused = org.assertj.core.api.Assertions.catchThrowable(() -> asShipper(
                strangers, () -> payments.pay(request.id(), new PayWith.Card("pm_card_visa", Optional.empty()))));

        assertThat(refused).isInstanceOf(PaymentRequestNotFound.class);
        assertThat(asCarrier(parties, () -> paymentRequests.find(request.id(), Reach.OWN_TENANT)))
                .hasValueSatisfying(view -> assertThat(view.status()).isEqualTo(PaymentRequestStatus.OPEN));
    }

    private PaymentRequestView bill(Parties parties, long amountMinor, String loadReference) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return asCarrier(
                        parties,
                        () -> paymentRequests.create(
                                parties.carrier(),
                                new CreatePaymentRequest(
                                        parties.shipper(),
                                        Money.of(amountMinor, "EUR"),
                                        loadReference,
                                        Optional.empty(),
                                        "Hamburg",
                                        "Lyon",
                                        today,
                                        today.plusDays(1),
                                        today.plusDays(30),
                                        Optional.empty(),
                                        Optional.empty(),
                                        false)))
                .request();
    }

    private Parties parties() {
        return new Parties(organization(OrganizationType.CARRIER), organization(OrganizationType.SHIPPER));
    }

    private TenantId organization(OrganizationType type) {
        return Tenancy.callAs(
                        OrganizationDirectory.PLATFORM,
                        "platform-admin",
                        () -> organizations.register(new RegisterOrganization(
                                type,
                                type + " " + UUID.randomUUID(),
                                CountryCode.of("DE"),
                                Optional.empty(),
                                "billing-" + UUID.randomUUID() + "@example.test")))
                .id();
    }

    private static <T> T asCarrier(Parties parties, Supplier<T> work) {
        return Tenancy.callAs(
                parties.carrier(), "billing-of-" + parties.carrier().value(), work);
    }

    private static <T> T asShipper(Parties parties, Supplier<T> work) {
        return Tenancy.callAs(parties.shipper(), "payer-of-" + parties.shipper().value(), work);
    }
}
