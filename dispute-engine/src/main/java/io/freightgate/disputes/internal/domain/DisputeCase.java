package io.freightgate.disputes.internal.domain;

import io.freightgate.disputes.DisputeClosed;
import io.freightgate.disputes.DisputeEvent;
import io.freightgate.disputes.DisputeFundsReinstated;
import io.freightgate.disputes.DisputeFundsWithdrawn;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeResponse;
import io.freightgate.disputes.DisputeStatus;
import io.freightgate.disputes.DisputeUpdated;
import io.freightgate.disputes.DisputeView;
import io.freightgate.disputes.DisputedPayments.DisputedPayment;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * A dispute case: one Stripe dispute on a charge, kept in step with Stripe's dispute object, linked to the payment
 * request it disputes (and through it to the carrier, the shipper and the load), or an <em>orphan</em> when FreightGate
 * knows no payment for the charge. Its status mirrors Stripe's ({@link DisputeStatus} draws the lifecycle) and only
 * moves forward; the money that moved (the withdrawal, the reinstatement) is recorded once, from whichever snapshot
 * first lists it. It knows what response is possible ({@link DisputeResponse}): none when the issuer allows none ({@code
 * due_by} 0) or Stripe has no evidence process (a SEPA debit disputed as {@code debit_not_authorized}), which sends the
 * case to recovery from the carrier. A finance agent may own it.
 *
 * <p>{@link #open} and {@link #apply} return the events the news means, each published once per case: {@link
 * DisputeOpened} when the case is made, {@link DisputeUpdated} when an undecided status is first reached, {@link
 * DisputeFundsWithdrawn} and {@link DisputeFundsReinstated} when a snapshot first lists that money, {@link
 * DisputeClosed} when the status first becomes a closed one. A snapshot that is older than the case (a lower status),
 * or the same again, returns nothing. An orphan case publishes nothing (no payment to act on): it is an alert for
 * finance staff. When ({@code now}) is given by the caller; the case never reads a clock. Audited (Envers).
 */
@Entity
@Table(name = "dispute_cases")
@Audited
public class DisputeCase {

    @Id
    private UUID id;

    /** The carrier: the tenant that issued the disputed payment request; null for an orphan case. */
    @Column(name = "tenant_id", updatable = false)
    private @Nullable UUID tenantId;

    @Column(name = "shipper_id", updatable = false)
    private @Nullable UUID shipperId;

    @Column(name = "stripe_dispute_id", nullable = false, updatable = false)
    private String stripeDisputeId;

    @Column(name = "charge_id", nullable = false, updatable = false)
    private String chargeId;

    @Column(name = "payment_intent_id")
    private @Nullable String paymentIntentId;

    @Column(name = "payment_request_id", updatable = false)
    private @Nullable UUID paymentRequestId;

    @Column(name = "load_reference", updatable = false)
    private @Nullable String loadReference;

    @Column(name = "load_id", updatable = false)
    private @Nullable UUID loadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private String reason;

    @Column(name = "network")
    private @Nullable String network;

    @Column(name = "payment_method_type")
    private @Nullable String paymentMethodType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeResponse response;

    @Column(name = "evidence_due_by")
    private @Nullable Instant evidenceDueBy;

    /** Currency of the balance transactions (the platform's settlement currency). */
    @Column(name = "funds_currency", length = 3)
    private @Nullable String fundsCurrency;

    @Column(name = "withdrawn_minor")
    private @Nullable Long withdrawnMinor;

    @Column(name = "withdrawal_fee_minor")
    private @Nullable Long withdrawalFeeMinor;

    @Column(name = "reinstated_minor")
    private @Nullable Long reinstatedMinor;

    @Column(name = "reinstatement_fee_minor")
    private @Nullable Long reinstatementFeeMinor;

    /** The finance agent (a platform user's id) working the case. */
    @Column(name = "owner_id")
    private @Nullable UUID ownerId;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected DisputeCase() {}

    /** A case opened from the first news of a dispute; the result's events say everything that news means. */
    public static Opened open(DisputeId id, DisputeSnapshot first, DisputedPayment payment, Instant now) {
        DisputeCase dispute = started(id, first, now);
        dispute.tenantId = payment.carrier().value();
        dispute.shipperId = payment.shipper().value();
        dispute.paymentRequestId = payment.paymentRequestId().value();
        dispute.loadReference = payment.loadReference().isBlank() ? null : payment.loadReference();
        dispute.loadId = payment.loadId().orElse(null);
        List<DisputeEvent> events = new ArrayList<>();
        events.add(new DisputeOpened(
                id,
                dispute.stripeDisputeId,
                dispute.intent(),
                payment.paymentRequestId(),
                payment.carrier(),
                dispute.status,
                dispute.amount(),
                dispute.reason,
                dispute.evidenceDueBy(),
                now));
        events.addAll(dispute.moneyAndClosing(first, false, now));
        return new Opened(dispute, List.copyOf(events));
    }

    /**
     * A case for a dispute on a charge FreightGate knows no payment for (another system's, or one whose PaymentIntent
     * Stripe did not name): it links to nothing and publishes nothing, and is an alert for finance staff.
     */
    public static DisputeCase orphan(DisputeId id, DisputeSnapshot first, Instant now) {
        DisputeCase dispute = started(id, first, now);
        dispute.moneyAndClosing(first, false, now);
        return dispute;
    }

    private static DisputeCase started(DisputeId id, DisputeSnapshot first, Instant now) {
        DisputeCase dispute = new DisputeCase();
        dispute.id = id.value();
        dispute.stripeDisputeId = first.stripeDisputeId();
        dispute.chargeId = first.chargeId();
        dispute.paymentIntentId = first.paymentIntentId().orElse(null);
        dispute.status = first.status();
        dispute.describe(first);
        dispute.openedAt = first.created();
        dispute.updatedAt = now;
        return dispute;
    }

    /** A new case and what its first news means. */
    public record Opened(DisputeCase dispute, List<DisputeEvent> events) {}

    /** Applies a later snapshot of the same dispute; returns what is news (nothing for stale or repeated news). */
    public List<DisputeEvent> apply(DisputeSnapshot snapshot, Instant now) {
        if (!snapshot.stripeDisputeId().equals(stripeDisputeId)) {
            throw new IllegalArgumentException(
                    "Snapshot of " + snapshot.stripeDisputeId() + " applied to the case of " + stripeDisputeId);
        }
        boolean wasClosed = status.closed();
        DisputeStatus before = status;
        List<DisputeEvent> events = new ArrayList<>();
        if (status.mayBeFollowedBy(snapshot.status())) {
            status = snapshot.status();
            describe(snapshot);
            if (status != before && !status.closed() && linked()) {
                events.add(new DisputeUpdated(
                        id(),
                        stripeDisputeId,
                        intent(),
                        new PaymentRequestId(requireLinked(paymentRequestId)),
                        carrierOrThrow(),
                        before,
                        status,
                        now));
            }
        }
        events.addAll(moneyAndClosing(snapshot, wasClosed, now));
        if (!events.isEmpty() || status != before) {
            updatedAt = now;
        }
        return linked() ? List.copyOf(events) : List.of();
    }

    /** Whether {@code snapshot} is older news than what the case knows (a lower status than the case's). */
    public boolean isStale(DisputeSnapshot snapshot) {
        return !status.mayBeFollowedBy(snapshot.status());
    }

    /** Gives the case to a finance agent (or to another); returns false when it already was theirs. */
    public boolean assign(UUID agent, Instant now) {
        if (agent.equals(ownerId)) {
            return false;
        }
        ownerId = agent;
        updatedAt = now;
        return true;
    }

    private void describe(DisputeSnapshot snapshot) {
        amountMinor = snapshot.amount().minor();
        currency = snapshot.amount().currency().getCurrencyCode();
        reason = snapshot.reason().stripe();
        evidenceDueBy = snapshot.evidenceDueBy().orElse(null);
        if (paymentIntentId == null) {
            paymentIntentId = snapshot.paymentIntentId().orElse(null);
        }
        snapshot.network().ifPresent(value -> network = value);
        snapshot.paymentMethodType().ifPresent(value -> paymentMethodType = value);
        response = DisputeResponse.of(
                snapshot.reason(),
                Optional.ofNullable(paymentMethodType),
                snapshot.evidenceDueBy().isPresent());
    }

    private List<DisputeEvent> moneyAndClosing(DisputeSnapshot snapshot, boolean wasClosed, Instant now) {
        List<DisputeEvent> events = new ArrayList<>();
        if (withdrawnMinor == null && snapshot.withdrawal().isPresent()) {
            DisputeSnapshot.Movement withdrawal = snapshot.withdrawal().get();
            fundsCurrency = withdrawal.amount().currency().getCurrencyCode();
            withdrawnMinor = withdrawal.amount().minor();
            withdrawalFeeMinor = withdrawal.fee().minor();
            if (linked()) {
                events.add(new DisputeFundsWithdrawn(
                        id(),
                        stripeDisputeId,
                        intent(),
                        new PaymentRequestId(requireLinked(paymentRequestId)),
                        carrierOrThrow(),
                        withdrawal.amount(),
                        withdrawal.fee(),
                        now));
            }
        }
        if (reinstatedMinor == null && snapshot.reinstatement().isPresent()) {
            DisputeSnapshot.Movement reinstatement = snapshot.reinstatement().get();
            fundsCurrency = reinstatement.amount().currency().getCurrencyCode();
            reinstatedMinor = reinstatement.amount().minor();
            reinstatementFeeMinor = reinstatement.fee().minor();
            if (linked()) {
                events.add(new DisputeFundsReinstated(
                        id(),
                        stripeDisputeId,
                        intent(),
                        new PaymentRequestId(requireLinked(paymentRequestId)),
                        carrierOrThrow(),
                        reinstatement.amount(),
                        reinstatement.fee(),
                        now));
            }
        }
        if (!wasClosed && status.closed()) {
            closedAt = now;
            if (linked()) {
                events.add(new DisputeClosed(
                        id(),
                        stripeDisputeId,
                        intent(),
                        new PaymentRequestId(requireLinked(paymentRequestId)),
                        carrierOrThrow(),
                        status.outcome().orElseThrow(),
                        amount(),
                        withdrawn(),
                        now));
            }
        }
        return events;
    }

    private boolean linked() {
        return paymentRequestId != null && tenantId != null;
    }

    private static UUID requireLinked(@Nullable UUID value) {
        if (value == null) {
            throw new IllegalStateException("An orphan dispute case has no payment");
        }
        return value;
    }

    private TenantId carrierOrThrow() {
        return new TenantId(requireLinked(tenantId));
    }

    private String intent() {
        return paymentIntentId == null ? "" : paymentIntentId;
    }

    public DisputeId id() {
        return new DisputeId(id);
    }

    /** The carrier; empty for an orphan case. */
    public Optional<TenantId> carrier() {
        return Optional.ofNullable(tenantId).map(TenantId::new);
    }

    public String stripeDisputeId() {
        return stripeDisputeId;
    }

    public DisputeStatus status() {
        return status;
    }

    public DisputeResponse response() {
        return response;
    }

    public Money amount() {
        return Money.of(amountMinor, currency);
    }

    public Optional<Instant> evidenceDueBy() {
        return Optional.ofNullable(evidenceDueBy);
    }

    public Optional<Money> withdrawn() {
        return withdrawnMinor == null || fundsCurrency == null
                ? Optional.empty()
                : Optional.of(Money.of(withdrawnMinor, fundsCurrency));
    }

    public Optional<Money> reinstated() {
        return reinstatedMinor == null || fundsCurrency == null
                ? Optional.empty()
                : Optional.of(Money.of(reinstatedMinor, fundsCurrency));
    }

    public DisputeView view() {
        return new DisputeView(
                id(),
                stripeDisputeId,
                chargeId,
                Optional.ofNullable(paymentIntentId),
                Optional.ofNullable(paymentRequestId).map(PaymentRequestId::new),
                carrier(),
                Optional.ofNullable(shipperId).map(TenantId::new),
                Optional.ofNullable(loadReference),
                Optional.ofNullable(loadId),
                status,
                amount(),
                reason,
                Optional.ofNullable(network),
                Optional.ofNullable(paymentMethodType),
                response,
                evidenceDueBy(),
                withdrawn(),
                withdrawalFeeMinor == null || fundsCurrency == null
                        ? Optional.empty()
                        : Optional.of(Money.of(withdrawalFeeMinor, fundsCurrency)),
                reinstated(),
                Optional.ofNullable(ownerId),
                openedAt,
                Optional.ofNullable(closedAt));
    }
}
