package io.freightgate.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.emulator.stripe.AccountRequirements;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.RegisterOrganization;
import io.freightgate.payouts.internal.PayoutAccountSynchronizer;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.support.ModuleTestPorts;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * Payouts with everything it depends on (billing, the ledger and the organizations they need, kernel and platform)
 * against the embedded PostgreSQL and the Stripe emulator: a carrier opens its payout account (a Connect account at
 * Stripe), gets an onboarding link, and once Stripe has what it needs the account is synchronized (as the
 * {@code account.updated} webhook would, which the webhooks module is not started to deliver) and may receive
 * transfers. The participation port is answered by a test bean. Local mode and the emulators are included explicitly;
 * the structure is verified by {@code ModularityTests} ({@code verifyAutomatically = false}).
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
class PayoutsModuleIT {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    @Autowired
    PayoutAccounts payoutAccounts;

    @Autowired
    PayoutAccountSynchronizer synchronizer;

    @Autowired
    OrganizationDirectory organizations;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    StripeEmulator stripe;

    @Value("${freightgate.stripe.api-key}")
    String apiKey;

    @Test
    void aCarriersPayoutAccountIsOpenedAtStripeAndReceivesTransfersOnceStripeHasWhatItNeeds() {
        TenantId carrier = carrier();

        PayoutAccountView opened = asCarrier(
                carrier,
                () -> payoutAccounts.open(
                        carrier,
                        new OpenPayoutAccount(
                                CountryCode.of("DE"), Optional.empty(), OpenPayoutAccount.PayoutInterval.WEEKLY),
                        Reach.OWN_TENANT));

        String account = opened.stripeAccountId().orElseThrow();
        assertThat(account).startsWith("acct_");
        assertThat(opened.status()).isNotEqualTo(PayoutAccountStatus.ACTIVE);
        assertThat(opened.transfersAllowed()).isFalse();
        assertThat(opened.payoutInterval()).isEqualTo("weekly");
        assertThat(payoutAccounts.mayReceiveTransfers(carrier)).isFalse();
        OnboardingLink link = asCarrier(
                carrier,
                () -> payoutAccounts.createOnboardingLink(
                        carrier,
                        URI.create("https://app.freightgate.test/onboarding/refresh"),
                        URI.create("https://app.freightgate.test/onboarding/return"),
                        Reach.OWN_TENANT));
        assertThat(link.url().getScheme()).startsWith("http");

        stripe.control().accountRequirements(apiKey, account, AccountRequirements.satisfied());
        synchronizer.synchronize(account, Optional.empty());

        PayoutAccountView active = asCarrier(carrier, () -> payoutAccounts.find(carrier, Reach.OWN_TENANT))
                .orElseThrow();
        assertThat(active.status()).isEqualTo(PayoutAccountStatus.ACTIVE);
        assertThat(active.transfersAllowed()).isTrue();
        assertThat(active.requirements().currentlyDue()).isEmpty();
        assertThat(payoutAccounts.mayReceiveTransfers(carrier)).isTrue();
        assertThat(systemAccess.transaction(
                        ACROSS_TENANTS,
                        "read the transfer destination",
                        () -> payoutAccounts.transferDestination(carrier.value())))
                .contains(account);
    }

    @Test
    void aCarrierReachesOnlyItsOwnPayoutAccount() {
        TenantId carrier = carrier();
        TenantId other = carrier();

        assertThatThrownBy(() -> asCarrier(
                        other,
                        () -> payoutAccounts.open(
                                carrier,
                                new OpenPayoutAccount(
                                        CountryCode.of("DE"), Optional.empty(), OpenPayoutAccount.PayoutInterval.DAILY),
                                Reach.OWN_TENANT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(asCarrier(carrier, () -> payoutAccounts.find(carrier, Reach.OWN_TENANT)))
                .isEmpty();
    }

    private TenantId carrier() {
        return Tenancy.callAs(
                        OrganizationDirectory.PLATFORM,
                        "platform-admin",
                        () -> organizations.register(new RegisterOrganization(
                                OrganizationType.CARRIER,
                                "Carrier " + UUID.randomUUID(),
                                CountryCode.of("DE"),
                                Optional.empty(),
                                "payouts-" + UUID.randomUUID() + "@example.test")))
                .id();
    }

    private static <T> T asCarrier(TenantId carrier, Supplier<T> work) {
        return Tenancy.callAs(carrier, "carrier-admin-of-" + carrier.value(), work);
    }
}
