package io.freightgate.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.billing.CreatePaymentRequest;
import io.freightgate.billing.DeliveryProof;
import io.freightgate.billing.PayWith;
import io.freightgate.billing.PaymentRequestView;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.billing.Payments;
import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.LedgerPostings;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.RegisterOrganization;
import io.freightgate.payouts.OpenPayoutAccount;
import io.freightgate.payouts.PayoutAccounts;
import io.freightgate.payouts.internal.PayoutAccountSynchronizer;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Transfers with everything they depend on (billing, payouts, the ledger, the organizations, kernel and platform)
 * against the embedded PostgreSQL and the Stripe emulator: a paid request gets its carrier transfer in the paying
 * transaction (heard from billing's {@code PaymentCollected}), waits for the delivery, and is sent to the carrier's
 * connected account once the delivery is confirmed, with the ledger showing the carrier owed nothing more; a hold makes
 * it wait until released. The payout account is made ready as the {@code account.updated} webhook would (the webhooks
 * module is not started). The participation port is answered by a test bean. Local mode and the emulators are included
 * explicitly; the structure is verified by {@code ModularityTests} ({@code verifyAutomatically = false}).
 */
@Import({
    ModuleTestPorts.NoRequestTenants.class,
    ModuleTestPorts.NoRateLimitPolicy.class,
    ModuleTestPorts.EveryoneParticipates.class
})
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {"local", "emulator"},
        verifyAutomatically = false)
class TransfersModuleIT {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Autowired
    Transfers transfers;

    @Autowired
    PaymentRequests paymentRequests;

    @Autowired
    Payments payments;

    @Autowired
    PayoutAccounts payoutAccounts;

    @Autowired
    PayoutAccountSynchronizer payoutAccountSynchronizer;

    @Autowired
    LedgerPostings postings;

    @Autowired
    OrganizationDirectory organizations;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    StripeEmulator stripe;

    @Autowired
    Clock clock;

    @Value("${freightgate.stripe.api-key}")
    String apiKey;

    record Parties(TenantId carrier, TenantId shipper, String account) {}

    @Test
    void aPaidRequestsTransferWaitsForTheDeliveryAndIsThenSentToTheCarrier(AssertablePublishedEvents events) {
        Parties parties = parties();
        PaymentRequestId request = paid(parties, 30_000, "LD-TRM-1");

        TransferView waiting = transfers.find(request, ACROSS_TENANTS).orElseThrow();
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.gross()).isEqualTo(Money.of(30_000, "EUR"));
        assertThat(waiting.fee().minor()).isPositive();
        assertThat(waiting.amount().minor()).isEqualTo(30_000 - waiting.fee().minor());
        assertThat(waiting.waitingFor()).containsExactly("DELIVERY_NOT_CONFIRMED");
        assertThat(owed(request))
                .as("the payment journal, posted in the paying transaction, owes the carrier its share")
                .isEqualTo(waiting.amount().minor());

        TransferView sent = transfers.deliveryConfirmed(request, new DeliveryProof.Sufficient("pod"));

        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.destinationAccount()).contains(parties.account());
        assertThat(sent.stripeTransferId())
                .hasValueSatisfying(id -> assertThat(id).startsWith("tr_"));
        assertThat(sent.transferGroup()).isEqualTo("payment_request_" + request);
        assertThat(events)
                .contains(TransferReleased.class)
                .matching(TransferReleased::paymentRequestId, request)
                .matching(TransferReleased::carrier, parties.carrier())
                .matching(TransferReleased::amount, waiting.amount());
        assertThat(owed(request))
                .as("the transfer settles what the carrier is owed")
                .isZero();
    }

    @Test
    void aHeldTransferWaitsUntilTheHoldIsReleased(AssertablePublishedEvents events) {
        Parties parties = parties();
        PaymentRequestId request = paid(parties, 45_000, "LD-TRM-2");

        TransferView held = transfers.hold(request, TransferHoldReason.KYC_REVOKED, Optional.of("test hold"));
        TransferView stillHeld = transfers.deliveryConfirmed(request, new DeliveryProof.Sufficient("pod"));

        assertThat(held.status()).isEqualTo("HELD");
        assertThat(stillHeld.status()).isEqualTo("HELD");
        assertThat(stillHeld.stripeTransferId()).isEmpty();
        assertThat(stillHeld.waitingFor()).contains("HELD");
        assertThat(events)
                .contains(TransferHeld.class)
                .matching(TransferHeld::paymentRequestId, request)
                .matching(TransferHeld::reason, TransferHoldReason.KYC_REVOKED);

        TransferView released = transfers.release(request, TransferHoldReason.KYC_REVOKED);

        assertThat(released.status()).isEqualTo("SENT");
        assertThat(released.holds()).singleElement().satisfies(hold -> assertThat(hold.releasedAt())
                .isPresent());
    }

    private PaymentRequestId paid(Parties parties, long amountMinor, String loadReference) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PaymentRequestView request = Tenancy.callAs(
                        parties.carrier(),
                        "billing-of-" + parties.carrier().value(),
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
        var attempt = Tenancy.callAs(
                        parties.shipper(),
                        "payer-of-" + parties.shipper().value(),
                        () -> payments.pay(request.id(), new PayWith.Card("pm_card_visa", Optional.empty())))
                .accepted()
                .orElseThrow();
        assertThat(attempt.outcome()).isEqualTo("APPROVED");
        return request.id();
    }

    private Parties parties() {
        TenantId carrier = organization(OrganizationType.CARRIER);
        TenantId shipper = organization(OrganizationType.SHIPPER);
        var opened = as(
                carrier,
                () -> payoutAccounts.open(
                        carrier,
                        new OpenPayoutAccount(
                                CountryCode.of("DE"), Optional.empty(), OpenPayoutAccount.PayoutInterval.WEEKLY),
                        Reach.OWN_TENANT));
        String account = opened.stripeAccountId().orElseThrow();
        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());
        payoutAccountSynchronizer.synchronize(account, Optional.empty());
        assertThat(payoutAccounts.mayReceiveTransfers(carrier)).isTrue();
        return new Parties(carrier, shipper, account);
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
                                "transfers-" + UUID.randomUUID() + "@example.test")))
                .id();
    }

    private long owed(PaymentRequestId request) {
        return systemAccess.transaction(
                ACROSS_TENANTS, "read what the carrier is owed", () -> postings.stillOwed(request));
    }

    private static <T> T as(TenantId organization, Supplier<T> work) {
        return Tenancy.callAs(organization, "admin-of-" + organization.value(), work);
    }
}
