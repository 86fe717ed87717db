package io.freightgate.payouts.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.payouts.internal.domain.SnapshotOrdering.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutAccountTests {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void orderingAppliesNewerDropsOlderAndFetchesWhenTheSecondIsTheSame() {
        assertThat(SnapshotOrdering.decide(Optional.empty(), T0, false)).isEqualTo(Decision.APPLY);
        assertThat(SnapshotOrdering.decide(Optional.of(T0), T0.plusSeconds(1), false))
                .isEqualTo(Decision.APPLY);
        assertThat(SnapshotOrdering.decide(Optional.of(T0), T0.minusSeconds(1), false))
                .isEqualTo(Decision.STALE);
        assertThat(SnapshotOrdering.decide(Optional.of(T0), T0, false)).isEqualTo(Decision.FETCH);
        assertThat(SnapshotOrdering.decide(Optional.of(T0), T0, true)).isEqualTo(Decision.APPLY);
        assertThat(SnapshotOrdering.decide(Optional.of(T0), T0.minusSeconds(1), true))
                .isEqualTo(Decision.STALE);
    }

    @Test
    void aNewAccountOnboardsThenBecomesActiveOnceStripeEnablesTransfers() {
        PayoutAccount account = PayoutAccount.intend(UUID.randomUUID(), UUID.randomUUID(), "DE", "weekly", T0);

        account.created(fetched(onboarding(), T0), T0);
        assertThat(account.status()).isEqualTo(PayoutAccountState.ONBOARDING);
        assertThat(account.pastDue()).containsExactly("external_account", "tos_acceptance.date");

        var result = account.synchronize(event(active(), T0.plusSeconds(5)), T0);
        assertThat(account.status()).isEqualTo(PayoutAccountState.ACTIVE);
        assertThat(account.transfersAllowed()).isTrue();
        assertThat(((PayoutAccount.Applied) result).restricted()).isFalse();
    }

    @Test
    void anActiveCarrierWithRequirementsPastDueIsRestrictedAndRestoredWhenTheyAreMet() {
        PayoutAccount account = activeAccount();

        var restricted = account.synchronize(event(pastDue(), T0.plusSeconds(10)), T0);
        assertThat(account.status()).isEqualTo(PayoutAccountState.RESTRICTED);
        assertThat(account.transfersAllowed()).isFalse();
        assertThat(((PayoutAccount.Applied) restricted).restricted()).isTrue();

        var restored = account.synchronize(event(active(), T0.plusSeconds(20)), T0);
        assertThat(((PayoutAccount.Applied) restored).restored()).isTrue();
        assertThat(account.transfersAllowed()).isTrue();
    }

    @Test
    void aLateEventNeverOverwritesNewerState() {
        PayoutAccount account = activeAccount();
        account.synchronize(event(pastDue(), T0.plusSeconds(10)), T0);

        var late = account.synchronize(event(active(), T0.plusSeconds(9)), T0);

        assertThat(late).isInstanceOf(PayoutAccount.Stale.class);
        assertThat(account.status()).isEqualTo(PayoutAccountState.RESTRICTED);
    }

    @Test
    void anEventFromTheSameSecondAsTheStateHeldAsksForAFetch() {
        PayoutAccount account = activeAccount();
        account.synchronize(event(pastDue(), T0.plusSeconds(10)), T0);

        var sameSecond = account.synchronize(event(active(), T0.plusSeconds(10)), T0);
        assertThat(sameSecond).isInstanceOf(PayoutAccount.NeedsFetch.class);
        assertThat(account.status()).isEqualTo(PayoutAccountState.RESTRICTED);

        account.synchronize(fetched(active(), T0.plusSeconds(10)), T0);
        assertThat(account.status()).isEqualTo(PayoutAccountState.ACTIVE);
    }

    @Test
    void aPayoutAccountIsNeverReboundToAnotherStripeAccount() {
        PayoutAccount account = activeAccount();
        AccountSnapshot other = new AccountSnapshot(
                "acct_2",
                true,
                true,
                true,
                Map.of("card_payments", "active", "transfers", "active"),
                new AccountSnapshot.Requirements(List.of(), List.of(), List.of(), Optional.empty(), Optional.empty()),
                Optional.empty(),
                T0.plusSeconds(60),
                true);

        assertThatThrownBy(() -> account.created(other, T0.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acct_1");
        assertThatThrownBy(() -> account.synchronize(other, T0.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(account.stripeAccountId()).contains("acct_1");
        assertThatThrownBy(() -> account.creationUnknown("lost", T0.plusSeconds(61)))
                .as("a created account cannot fall back to an unknown creation")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> account.declined("refused", T0.plusSeconds(61)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(account.status()).isEqualTo(PayoutAccountState.ACTIVE);
    }

    @Test
    void aRepeatedCreationAnswerForTheSameStripeAccountIsAppliedAsASnapshot() {
        PayoutAccount account = activeAccount();

        var again = account.created(fetched(pastDue(), T0.plusSeconds(30)), T0.plusSeconds(30));

        assertThat(again).isInstanceOf(PayoutAccount.Applied.class);
        assertThat(account.stripeAccountId()).contains("acct_1");
        assertThat(account.status()).isEqualTo(PayoutAccountState.RESTRICTED);
    }

    private static PayoutAccount activeAccount() {
        PayoutAccount account = PayoutAccount.intend(UUID.randomUUID(), UUID.randomUUID(), "DE", "weekly", T0);
        account.created(fetched(active(), T0), T0);
        return account;
    }

    record State(boolean payouts, boolean submitted, String transfers, List<String> pastDue) {}

    static State onboarding() {
        return new State(false, false, "inactive", List.of("external_account", "tos_acceptance.date"));
    }

    static State active() {
        return new State(true, true, "active", List.of());
    }

    static State pastDue() {
        return new State(false, true, "inactive", List.of("individual.verification.document"));
    }

    static AccountSnapshot event(State state, Instant created) {
        return snapshot(state, created, false);
    }

    static AccountSnapshot fetched(State state, Instant at) {
        return snapshot(state, at, true);
    }

    static AccountSnapshot snapshot(State state, Instant observedAt, boolean fetched) {
        return new AccountSnapshot(
                "acct_1",
                state.payouts(),
                state.payouts(),
                state.submitted(),
                Map.of("card_payments", state.transfers(), "transfers", state.transfers()),
                new AccountSnapshot.Requirements(
                        state.pastDue(),
                        state.pastDue(),
                        state.pastDue(),
                        state.pastDue().isEmpty() ? Optional.empty() : Optional.of("requirements.past_due"),
                        Optional.empty()),
                Optional.empty(),
                observedAt,
                fetched);
    }
}
