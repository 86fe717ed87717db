package io.freightgate.payouts.internal.domain;

import static io.freightgate.payouts.internal.domain.PayoutAccountTests.active;
import static io.freightgate.payouts.internal.domain.PayoutAccountTests.event;
import static io.freightgate.payouts.internal.domain.PayoutAccountTests.fetched;
import static io.freightgate.payouts.internal.domain.PayoutAccountTests.pastDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutAccountRulesTests {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static PayoutAccount intended() {
        return PayoutAccount.intend(UUID.randomUUID(), UUID.randomUUID(), "DE", "weekly", T0);
    }

    @Test
    void theIntentToOpenAnAccountRecordsTheCarrierCountryAndPayoutInterval() {
        UUID id = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();

        PayoutAccount account = PayoutAccount.intend(id, tenant, "NL", "daily", T0);

        assertThat(account.id()).isEqualTo(id);
        assertThat(account.tenantId()).isEqualTo(tenant);
        assertThat(account.country()).isEqualTo("NL");
        assertThat(account.payoutInterval()).isEqualTo("daily");
        assertThat(account.status()).isEqualTo(PayoutAccountState.CREATING);
        assertThat(account.stripeAccountId()).isEmpty();
        assertThat(account.transfersAllowed()).isFalse();
        assertThat(account.createdAt()).isEqualTo(T0);
        assertThat(account.updatedAt()).isEqualTo(T0);
    }

    @Test
    void theCreationAnswerMovesANewAccountIntoOnboardingBeforeItsSnapshotIsApplied() {
        PayoutAccount account = intended();

        var result = account.created(fetched(active(), T0), T0);

        assertThat(result)
                .isEqualTo(new PayoutAccount.Applied(PayoutAccountState.ONBOARDING, PayoutAccountState.ACTIVE));
        assertThat(((PayoutAccount.Applied) result).restored())
                .as("a new account is activated, not restored")
                .isFalse();
        assertThat(((PayoutAccount.Applied) result).restricted()).isFalse();
    }

    @Test
    void aCreationWhoseAnswerWasLostIsRepeatedAndThenOnboards() {
        PayoutAccount account = intended();
        account.creationUnknown("read timeout", T0.plusSeconds(1));
        assertThat(account.status()).isEqualTo(PayoutAccountState.CREATION_UNKNOWN);
        assertThat(account.lastError()).contains("read timeout");
        assertThat(account.updatedAt()).isEqualTo(T0.plusSeconds(1));

        var result = account.created(fetched(active(), T0.plusSeconds(2)), T0.plusSeconds(2));

        assertThat(result)
                .isEqualTo(new PayoutAccount.Applied(PayoutAccountState.ONBOARDING, PayoutAccountState.ACTIVE));
        assertThat(account.lastError()).isEmpty();
        assertThat(account.stripeAccountId()).contains("acct_1");
    }

    @Test
    void aDeclinedCreationKeepsStripesReasonAndALaterCreationOnboards() {
        PayoutAccount account = intended();
        account.declined("country not supported", T0.plusSeconds(1));
        assertThat(account.status()).isEqualTo(PayoutAccountState.DECLINED);
        assertThat(account.lastError()).contains("country not supported");
        assertThat(account.transfersAllowed()).isFalse();

        var result = account.created(fetched(active(), T0.plusSeconds(2)), T0.plusSeconds(2));

        assertThat(result)
                .isEqualTo(new PayoutAccount.Applied(PayoutAccountState.ONBOARDING, PayoutAccountState.ACTIVE));
        assertThat(account.lastError()).isEmpty();
    }

    @Test
    void aRepeatedCreationAnswerForAnActiveAccountRestrictsItFromActive() {
        PayoutAccount account = intended();
        account.created(fetched(active(), T0), T0);

        var again = account.created(fetched(pastDue(), T0.plusSeconds(30)), T0.plusSeconds(30));

        assertThat(again)
                .isEqualTo(new PayoutAccount.Applied(PayoutAccountState.ACTIVE, PayoutAccountState.RESTRICTED));
        assertThat(((PayoutAccount.Applied) again).restricted()).isTrue();
        assertThat(((PayoutAccount.Applied) again).restored()).isFalse();
    }

    @Test
    void aSnapshotFromAnotherAccountIsRefusedBeforeTheAccountExistsAtStripe() {
        PayoutAccount account = intended();

        assertThatThrownBy(() -> account.synchronize(event(active(), T0), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Snapshot of acct_1 for payout account " + account.id());
        assertThat(account.status()).isEqualTo(PayoutAccountState.CREATING);
    }

    @Test
    void anAppliedSnapshotRecordsWhatStripeSaysTheCarrierStillOwes() {
        PayoutAccount account = intended();
        Instant deadline = T0.plus(Duration.ofDays(14));
        var snapshot = new AccountSnapshot(
                "acct_1",
                true,
                false,
                true,
                Map.of("card_payments", "active", "transfers", "pending"),
                new AccountSnapshot.Requirements(
                        List.of("external_account", "tos_acceptance.date"),
                        List.of("company.tax_id"),
                        List.of(),
                        Optional.of("requirements.pending_verification"),
                        Optional.of(deadline)),
                Optional.empty(),
                T0.plusSeconds(5),
                false);

        account.created(snapshot, T0.plusSeconds(6));

        assertThat(account.status()).isEqualTo(PayoutAccountState.RESTRICTED);
        assertThat(account.chargesEnabled()).isTrue();
        assertThat(account.payoutsEnabled()).isFalse();
        assertThat(account.detailsSubmitted()).isTrue();
        assertThat(account.cardPaymentsCapability()).contains("active");
        assertThat(account.transfersCapability()).contains("pending");
        assertThat(account.currentlyDue()).containsExactly("external_account", "tos_acceptance.date");
        assertThat(account.eventuallyDue()).containsExactly("company.tax_id");
        assertThat(account.pastDue()).isEmpty();
        assertThat(account.disabledReason()).contains("requirements.pending_verification");
        assertThat(account.currentDeadline()).contains(deadline);
        assertThat(account.stateObservedAt()).contains(T0.plusSeconds(5));
        assertThat(account.updatedAt()).isEqualTo(T0.plusSeconds(6));
    }

    @Test
    void aLaterSnapshotReplacesEveryFlagItReports() {
        PayoutAccount account = intended();
        account.created(snapshotWithFlags(false, true, false, T0), T0);
        assertThat(account.chargesEnabled()).isFalse();
        assertThat(account.payoutsEnabled()).isTrue();
        assertThat(account.detailsSubmitted()).isFalse();

        account.synchronize(snapshotWithFlags(true, false, true, T0.plusSeconds(10)), T0.plusSeconds(10));

        assertThat(account.chargesEnabled()).isTrue();
        assertThat(account.payoutsEnabled()).isFalse();
        assertThat(account.detailsSubmitted()).isTrue();
        assertThat(account.stateObservedAt()).contains(T0.plusSeconds(10));
    }

    @Test
    void anAccountWithPayoutsEnabledActiveTransfersAndNothingDueIsActive() {
        PayoutAccount account = intended();

        account.created(snapshotWithFlags(false, true, false, T0), T0);

        assertThat(account.status()).isEqualTo(PayoutAccountState.ACTIVE);
        assertThat(account.transfersAllowed()).isTrue();
        assertThat(account.currentlyDue()).isEmpty();
        assertThat(account.disabledReason()).isEmpty();
        assertThat(account.currentDeadline()).isEmpty();
    }

    @Test
    void aPayoutOnlyMovesForwardAndStaysPutOnAReportOfTheSameStage() {
        assertThat(PayoutState.PENDING.advancesTo(PayoutState.PENDING)).isFalse();
        assertThat(PayoutState.IN_TRANSIT.advancesTo(PayoutState.IN_TRANSIT)).isFalse();
        assertThat(PayoutState.REQUESTED.advancesTo(PayoutState.REQUEST_UNKNOWN))
                .isFalse();
        assertThat(PayoutState.IN_TRANSIT.advancesTo(PayoutState.FAILED)).isTrue();
        assertThat(PayoutState.PENDING.advancesTo(PayoutState.CANCELED)).isTrue();
    }

    @Test
    void onlyADeclinedFailedOrCanceledPayoutIsOver() {
        assertThat(PayoutState.DECLINED.terminal()).isTrue();
        assertThat(PayoutState.FAILED.terminal()).isTrue();
        assertThat(PayoutState.CANCELED.terminal()).isTrue();
        assertThat(PayoutState.REQUESTED.terminal()).isFalse();
        assertThat(PayoutState.REQUEST_UNKNOWN.terminal()).isFalse();
        assertThat(PayoutState.PENDING.terminal()).isFalse();
        assertThat(PayoutState.IN_TRANSIT.terminal()).isFalse();
        assertThat(PayoutState.PAID.terminal())
                .as("a paid payout can still fail when the bank returns it")
                .isFalse();
    }

    static AccountSnapshot snapshotWithFlags(boolean charges, boolean payouts, boolean submitted, Instant observedAt) {
        return new AccountSnapshot(
                "acct_1",
                charges,
                payouts,
                submitted,
                Map.of("card_payments", "inactive", "transfers", "active"),
                AccountSnapshot.Requirements.none(),
                Optional.empty(),
                observedAt,
                true);
    }
}
