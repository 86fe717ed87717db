package io.freightgate.payouts.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A carrier's payout account: its Stripe Connect account and what Stripe last said about it (capabilities,
 * {@code charges_enabled}, {@code payouts_enabled}, requirements). One per carrier, owned by the carrier's tenant.
 * States: see {@link PayoutAccountState}. Snapshots from Stripe are applied under {@link SnapshotOrdering}, so an
 * event arriving late never overwrites newer state.
 */
@Entity
@Table(name = "payout_accounts")
@Audited
public class PayoutAccount {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "stripe_account_id")
    private @Nullable String stripeAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PayoutAccountState status;

    @Column(nullable = false, length = 2, updatable = false)
    private String country;

    @Column(name = "payout_interval", nullable = false)
    private String payoutInterval;

    @Column(name = "charges_enabled", nullable = false)
    private boolean chargesEnabled;

    @Column(name = "payouts_enabled", nullable = false)
    private boolean payoutsEnabled;

    @Column(name = "details_submitted", nullable = false)
    private boolean detailsSubmitted;

    @Column(name = "card_payments_capability")
    private @Nullable String cardPaymentsCapability;

    @Column(name = "transfers_capability")
    private @Nullable String transfersCapability;

    @Column(name = "currently_due", nullable = false)
    private String currentlyDue = "";

    @Column(name = "eventually_due", nullable = false)
    private String eventuallyDue = "";

    @Column(name = "past_due", nullable = false)
    private String pastDue = "";

    @Column(name = "disabled_reason")
    private @Nullable String disabledReason;

    @Column(name = "current_deadline")
    private @Nullable Instant currentDeadline;

    @Column(name = "state_observed_at")
    private @Nullable Instant stateObservedAt;

    @Column(name = "last_error")
    private @Nullable String lastError;

    /** The e-mail address the Connect account is opened with (sent again with the same parameters if need be). */
    @Column(name = "email", updatable = false)
    private @Nullable String email;

    /** The Stripe call that creates the Connect account ({@code stripe_calls}): its outcome is recorded there. */
    @Column(name = "call_id")
    private @Nullable UUID callId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PayoutAccount() {}

    /** What synchronizing with a snapshot did. */
    public sealed interface Synchronization {}

    /** Applied; {@code from} and {@code to} tell whether the carrier was restricted or restored. */
    public record Applied(PayoutAccountState from, PayoutAccountState to) implements Synchronization {
        public boolean restricted() {
            return from == PayoutAccountState.ACTIVE && to == PayoutAccountState.RESTRICTED;
        }

        public boolean restored() {
            return from == PayoutAccountState.RESTRICTED && to == PayoutAccountState.ACTIVE;
        }
    }

    /** Older than the state held: dropped. */
    public record Stale() implements Synchronization {}

    /** As old as the state held and possibly different: the account must be fetched from Stripe. */
    public record NeedsFetch() implements Synchronization {}

    /** Records the intent to open a Connect account, before Stripe is called. */
    public static PayoutAccount intend(UUID id, UUID tenantId, String country, String payoutInterval, Instant now) {
        return intend(id, tenantId, country, payoutInterval, Optional.empty(), now);
    }

    /** Records the intent to open a Connect account with an e-mail address, before Stripe is called. */
    public static PayoutAccount intend(
            UUID id, UUID tenantId, String country, String payoutInterval, Optional<String> email, Instant now) {
        var account = new PayoutAccount();
        account.email = email.orElse(null);
        account.id = id;
        account.tenantId = tenantId;
        account.country = country;
        account.payoutInterval = payoutInterval;
        account.status = PayoutAccountState.CREATING;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    /** The creation's Stripe call, recorded with the intent in the same transaction. */
    public void creatingThrough(UUID call) {
        requireNotCreated();
        callId = call;
    }

    /** Stripe created the account: from now on, its snapshots decide the state. */
    public Synchronization created(AccountSnapshot snapshot, Instant now) {
        if (stripeAccountId != null && !stripeAccountId.equals(snapshot.stripeAccountId())) {
            throw new IllegalStateException("Payout account " + id + " already is " + stripeAccountId);
        }
        stripeAccountId = snapshot.stripeAccountId();
        lastError = null;
        if (status == PayoutAccountState.CREATING
                || status == PayoutAccountState.CREATION_UNKNOWN
                || status == PayoutAccountState.DECLINED) {
            status = PayoutAccountState.ONBOARDING;
        }
        return synchronize(snapshot, now);
    }

    /** Stripe's answer to the creation was lost; the next attempt repeats it with the same idempotency key. */
    public void creationUnknown(String reason, Instant now) {
        requireNotCreated();
        status = PayoutAccountState.CREATION_UNKNOWN;
        lastError = reason;
        updatedAt = now;
    }

    /** Stripe refused the creation. */
    public void declined(String reason, Instant now) {
        requireNotCreated();
        status = PayoutAccountState.DECLINED;
        lastError = reason;
        updatedAt = now;
    }

    /** Applies Stripe's view of the account if it is not older than the state held ({@link SnapshotOrdering}). */
    public Synchronization synchronize(AccountSnapshot snapshot, Instant now) {
        if (stripeAccountId == null || !stripeAccountId.equals(snapshot.stripeAccountId())) {
            throw new IllegalArgumentException("Snapshot of " + snapshot.stripeAccountId() + " for payout account " + id
                    + " (" + stripeAccountId + ")");
        }
        switch (SnapshotOrdering.decide(
                Optional.ofNullable(stateObservedAt), snapshot.observedAt(), snapshot.fetched())) {
            case STALE -> {
                return new Stale();
            }
            case FETCH -> {
                return new NeedsFetch();
            }
            case APPLY -> {}
        }
        PayoutAccountState before = status;
        chargesEnabled = snapshot.chargesEnabled();
        payoutsEnabled = snapshot.payoutsEnabled();
        detailsSubmitted = snapshot.detailsSubmitted();
        cardPaymentsCapability = snapshot.capability("card_payments").orElse(null);
        transfersCapability = snapshot.capability("transfers").orElse(null);
        currentlyDue = join(snapshot.requirements().currentlyDue());
        eventuallyDue = join(snapshot.requirements().eventuallyDue());
        pastDue = join(snapshot.requirements().pastDue());
        disabledReason = snapshot.requirements().disabledReason().orElse(null);
        currentDeadline = snapshot.requirements().currentDeadline().orElse(null);
        stateObservedAt = snapshot.observedAt();
        status = PayoutAccountState.of(snapshot);
        updatedAt = now;
        return new Applied(before, status);
    }

    /** Whether the carrier may receive transfers now. */
    public boolean transfersAllowed() {
        return status == PayoutAccountState.ACTIVE;
    }

    private void requireNotCreated() {
        if (stripeAccountId != null) {
            throw new IllegalStateException("Payout account " + id + " exists at Stripe as " + stripeAccountId);
        }
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Optional<String> stripeAccountId() {
        return Optional.ofNullable(stripeAccountId);
    }

    public PayoutAccountState status() {
        return status;
    }

    public String country() {
        return country;
    }

    public String payoutInterval() {
        return payoutInterval;
    }

    public boolean chargesEnabled() {
        return chargesEnabled;
    }

    public boolean payoutsEnabled() {
        return payoutsEnabled;
    }

    public boolean detailsSubmitted() {
        return detailsSubmitted;
    }

    public Optional<String> cardPaymentsCapability() {
        return Optional.ofNullable(cardPaymentsCapability);
    }

    public Optional<String> transfersCapability() {
        return Optional.ofNullable(transfersCapability);
    }

    public List<String> currentlyDue() {
        return split(currentlyDue);
    }

    public List<String> eventuallyDue() {
        return split(eventuallyDue);
    }

    public List<String> pastDue() {
        return split(pastDue);
    }

    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason);
    }

    public Optional<Instant> currentDeadline() {
        return Optional.ofNullable(currentDeadline);
    }

    public Optional<Instant> stateObservedAt() {
        return Optional.ofNullable(stateObservedAt);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** The Stripe call that creates the Connect account, once recorded. */
    public Optional<UUID> callId() {
        return Optional.ofNullable(callId);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
