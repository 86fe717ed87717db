package io.freightgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.support.ModuleTestPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

/**
 * The ledger on its own (kernel and platform only: no billing, transfers or payouts) against the embedded PostgreSQL:
 * journals posted through {@link LedgerPostings} the way the other capabilities post them, read back through
 * {@link LedgerReports}, and chargeback journals through {@link ChargebackJournals}, which learns a request's carrier
 * through its port {@link RequestCarriers} (billing implements it; here a map). Local mode and the emulators are
 * included explicitly and the structure is verified by {@code ModularityTests} ({@code verifyAutomatically = false}).
 */
@Import({ModuleTestPorts.NoRequestTenants.class, ModuleTestPorts.NoRateLimitPolicy.class})
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.STANDALONE,
        extraIncludes = {"local", "emulator"},
        verifyAutomatically = false)
class LedgerModuleIT {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    static final Currency EUR = Currency.getInstance("EUR");

    /** The requests billing would know, by carrier. */
    static final Map<PaymentRequestId, UUID> CARRIERS = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Ports {

        @Bean
        RequestCarriers requestCarriers() {
            return paymentRequestId -> Optional.ofNullable(CARRIERS.get(paymentRequestId));
        }
    }

    @Autowired
    LedgerPostings postings;

    @Autowired
    LedgerReports reports;

    @Autowired
    ChargebackJournals chargebacks;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    Clock clock;

    @Test
    void aPaymentAndTheTransferOfTheCarriersShareSettleWhatTheCarrierIsOwed() {
        UUID carrier = UUID.randomUUID();
        PaymentRequestId request = PaymentRequestId.random();
        String charge = "ch_" + UUID.randomUUID().toString().replace("-", "");
        Instant at = clock.instant();

        post(() -> postings.paid(
                new LedgerPostings.PaidCharge(carrier, request, "LD-MOD-1", charge, new Money(100_000, EUR)),
                new Money(2_025, EUR),
                at));
        post(() -> postings.paid(
                new LedgerPostings.PaidCharge(carrier, request, "LD-MOD-1", charge, new Money(100_000, EUR)),
                new Money(2_025, EUR),
                at));
        assertThat(owed(request)).as("posted once, however often asked").isEqualTo(97_975);

        post(() -> postings.transferred(
                carrier, request, "acct_mod", "tr_mod_" + request, "py_mod", new Money(97_975, EUR), at));
        assertThat(owed(request)).isZero();

        List<LedgerEntryView> entries = reports.entries(
                        new LedgerQuery(
                                at.minus(Duration.ofMinutes(1)),
                                at.plus(Duration.ofMinutes(1)),
                                Optional.of(new TenantId(carrier)),
                                Optional.empty()),
                        Optional.empty(),
                        100)
                .entries();
        assertThat(entries)
                .extracting(LedgerEntryView::journalKind, LedgerEntryView::account, e -> e.amount()
                        .minor())
                .containsExactlyInAnyOrder(
                        tuple(JournalKind.PAYMENT, LedgerAccountKind.CARRIER_PAYABLE, -97_975L),
                        tuple(JournalKind.PAYMENT, LedgerAccountKind.PLATFORM_FEE_REVENUE, -2_025L),
                        tuple(JournalKind.TRANSFER, LedgerAccountKind.CARRIER_PAYABLE, 97_975L),
                        tuple(JournalKind.TRANSFER, LedgerAccountKind.CARRIER_STRIPE_BALANCE, 97_975L),
                        tuple(JournalKind.TRANSFER, LedgerAccountKind.CARRIER_TRANSFERS_RECEIVED, -97_975L));
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry.paymentRequestId()).contains(request));
    }

    @Test
    void aLostChargebackIsJournaledOnceOnTheCarrierOfTheRequest() {
        UUID carrier = UUID.randomUUID();
        PaymentRequestId request = PaymentRequestId.random();
        CARRIERS.put(request, carrier);
        String dispute = "dp_" + UUID.randomUUID().toString().replace("-", "");
        Instant at = clock.instant();

        chargebacks.journalWithdrawal(request, dispute, Money.of(30_000, "EUR"), Money.of(1_500, "EUR"), at);
        chargebacks.journalWithdrawal(request, dispute, Money.of(30_000, "EUR"), Money.of(1_500, "EUR"), at);
        chargebacks.journalLoss(request, dispute, Money.of(30_000, "EUR"), at);
        chargebacks.journalLoss(request, dispute, Money.of(30_000, "EUR"), at);

        assertThat(reports.balances(Optional.of(new TenantId(carrier)), Optional.empty()))
                .extracting(LedgerBalanceView::account, b -> b.balance().minor(), LedgerBalanceView::entries)
                .containsExactlyInAnyOrder(
                        tuple(LedgerAccountKind.DISPUTE_RESERVE, 0L, 2L),
                        tuple(LedgerAccountKind.DISPUTE_LOSSES, 30_000L, 1L));
    }

    @Test
    void aChargebackOnARequestBillingDoesNotKnowPostsNothing() {
        PaymentRequestId unknown = PaymentRequestId.random();
        Instant at = clock.instant();

        chargebacks.journalWithdrawal(
                unknown, "dp_unknown_" + unknown, Money.of(10_000, "EUR"), Money.of(1_500, "EUR"), at);

        assertThat(reports.entries(
                                new LedgerQuery(
                                        at.minus(Duration.ofMinutes(1)),
                                        at.plus(Duration.ofMinutes(1)),
                                        Optional.empty(),
                                        Optional.of(LedgerAccountKind.DISPUTE_RESERVE)),
                                Optional.empty(),
                                1000)
                        .entries())
                .noneMatch(entry -> entry.paymentRequestId().equals(Optional.of(unknown)));
    }

    private void post(Runnable posting) {
        systemAccess.transaction(ACROSS_TENANTS, "post a test journal", () -> {
            posting.run();
            return null;
        });
    }

    private long owed(PaymentRequestId request) {
        return systemAccess.transaction(ACROSS_TENANTS, "read what is owed", () -> postings.stillOwed(request));
    }
}
