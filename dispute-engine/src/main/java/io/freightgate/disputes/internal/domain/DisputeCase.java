package io.freightgate.disputes.internal.domain;

import io.freightgate.disputes.DisputeClosed;
import io.freightgate.disputes.DisputeEvent;
import io.freightgate.disputes.DisputeFundsReinstated;
import io.freightgate.disputes.DisputeFundsWithdrawn;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeStatus;
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
import org.jspecify.annotations.Nullable;

/**
 * A dispute case: one Stripe dispute on the charge of a FreightGate payment request, kept in step with Stripe's dispute
 * object. Its status mirrors Stripe's ({@link DisputeStatus} draws the lifecycle) and only moves forward; the money
 * that moved (the withdrawal, the reinstatement) is recorded once, from whichever snapshot first lists it.
 *
 * <p>{@link #open} and {@link #apply} return the events the news means, each published once per case: {@link
 * DisputeOpened} when the case is made, {@link DisputeFundsWithdrawn} and {@link DisputeFundsReinstated} when a
 * snapshot first lists that money, {@link DisputeClosed} when the status first becomes a closed one. A snapshot that
 * is older than the case (a lower status), or the same again, returns nothing. When ({@code now}) is given by the
 * caller; the case never reads a clock.
 */
@Entity
@Table(name = "dispute_cases")
public class DisputeCase {

    @Id
    private UUID id;

    /** The carrier: the tenant that issued the disputed payment request. */
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "shipper_id", nullable = false, updatable = false)
    private UUID shipperId;

    @Column(name = "stripe_dispute_id", nullable = false, updatable = false)
    private String stripeDisputeId;

    @Column(name = "charge_id", nullable = false, updatable = false)
    private String chargeId;

    @Column(name = "payment_intent_id", nullable = false, updatable = false)
    private String paymentIntentId;

    @Column(name = "payment_request_id", nullable = false, updatable = false)
    private UUID paymentRequestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private String reason;

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
        DisputeCase dispute = new DisputeCase();
        dispute.id = id.value();
        dispute.tenantId = payment.carrier().value();
        dispute.shipperId = payment.shipper().value();
        dispute.stripeDisputeId = first.stripeDisputeId();
        dispute.chargeId = first.chargeId();
        dispute.paymentIntentId = first.paymentIntentId();
        dispute.paymentRequestId = payment.paymentRequestId().value();
        dispute.status = first.status();
        dispute.describe(first);
        dispute.openedAt = first.created();
        dispute.updatedAt = now;
        List<DisputeEvent> events = new ArrayList<>();
        events.add(new DisputeOpened(
                id,
                dispute.stripeDisputeId,
                dispute.paymentIntentId,
                new PaymentRequestId(dispute.paymentRequestId),
                dispute.carrier(),
                dispute.status,
                dispute.amount(),
                dispute.reason,
                dispute.evidenceDueBy(),
                now));
        events.addAll(dispute.moneyAndClosing(first, false, now));
        return new Opened(dispute, List.copyOf(events));
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
        if (status.mayBeFollowedBy(snapshot.status())) {
            status = snapshot.status();
            describe(snapshot);
        }
        List<DisputeEvent> events = moneyAndClosing(snapshot, wasClosed, now);
        if (!events.isEmpty() || status != snapshot.status()) {
            updatedAt = now;
        }
        return events;
    }

    private void describe(DisputeSnapshot snapshot) {
        amountMinor = snapshot.amount().minor();
        currency = snapshot.amount().currency().getCurrencyCode();
        reason = snapshot.reason();
        evidenceDueBy = snapshot.evidenceDueBy().orElse(null);
    }

    private List<DisputeEvent> moneyAndClosing(DisputeSnapshot snapshot, boolean wasClosed, Instant now) {
        List<DisputeEvent> events = new ArrayList<>();
        if (withdrawnMinor == null && snapshot.withdrawal().isPresent()) {
            DisputeSnapshot.Movement withdrawal = snapshot.withdrawal().get();
            fundsCurrency = withdrawal.amount().currency().getCurrencyCode();
            withdrawnMinor = withdrawal.amount().minor();
            withdrawalFeeMinor = withdrawal.fee().minor();
            events.add(new DisputeFundsWithdrawn(
                    id(),
                    stripeDisputeId,
                    paymentIntentId,
                    new PaymentRequestId(paymentRequestId),
                    carrier(),
                    withdrawal.amount(),
                    withdrawal.fee(),
                    now));
        }
        if (reinstatedMinor == null && snapshot.reinstatement().isPresent()) {
            DisputeSnapshot.Movement reinstatement = snapshot.reinstatement().get();
            fundsCurrency = reinstatement.amount().currency().getCurrencyCode();
            reinstatedMinor = reinstatement.amount().minor();
            reinstatementFeeMinor = reinstatement.fee().minor();
            events.add(new DisputeFundsReinstated(
                    id(),
                    stripeDisputeId,
                    paymentIntentId,
                    new PaymentRequestId(paymentRequestId),
                    carrier(),
                    reinstatement.amount(),
                    reinstatement.fee(),
                    now));
        }
        if (!wasClosed && status.closed()) {
            closedAt = now;
            events.add(new DisputeClosed(
                    id(),
                    stripeDisputeId,
                    paymentIntentId,
                    new PaymentRequestId(paymentRequestId),
                    carrier(),
                    status.outcome().orElseThrow(),
                    amount(),
                    withdrawn(),
                    now));
        }
        return events;
    }

    public DisputeId id() {
        return new DisputeId(id);
    }

    public TenantId carrier() {
        return new TenantId(tenantId);
    }

    public String stripeDisputeId() {
        return stripeDisputeId;
    }

    public DisputeStatus status() {
        return status;
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
                paymentIntentId,
                new PaymentRequestId(paymentRequestId),
                carrier(),
                new TenantId(shipperId),
                status,
                amount(),
                reason,
                evidenceDueBy(),
                withdrawn(),
                reinstated(),
                openedAt,
                Optional.ofNullable(closedAt));
    }
}
