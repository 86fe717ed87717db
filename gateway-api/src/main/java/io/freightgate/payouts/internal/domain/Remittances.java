package io.freightgate.payouts.internal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a payout contains. Stripe itemizes automatic payouts: the balance transactions it swept. An on-demand payout
 * is itemized by FreightGate: the connected account's available balance transactions that no earlier remittance holds,
 * oldest first, as long as they fit in the payout's amount. Either way the remittance states whether its lines add up
 * to the payout, and the difference when they do not.
 */
public final class Remittances {

    /** Balance transactions that are movements of payouts themselves, never lines of a remittance. */
    static final Set<String> PAYOUT_TYPES = Set.of(
            "payout",
            "payout_failure",
            "payout_cancel",
            "payout_minimum_balance_hold",
            "payout_minimum_balance_release");

    private Remittances() {}

    public enum Kind {
        PAYMENT,
        REVERSAL,
        ADJUSTMENT,
        OTHER
    }

    /** The kind of line a balance transaction of a connected account makes. */
    public static Kind kindOf(String stripeType) {
        return switch (stripeType) {
            case "payment", "transfer" -> Kind.PAYMENT;
            case "payment_refund", "transfer_refund", "transfer_cancel", "transfer_failure" -> Kind.REVERSAL;
            case "adjustment" -> Kind.ADJUSTMENT;
            default -> Kind.OTHER;
        };
    }

    /** The lines of an automatic payout: everything Stripe swept into it except payout movements. */
    public static List<BalanceLine> ofAutomaticPayout(Collection<BalanceLine> swept) {
        return swept.stream()
                .filter(line -> !PAYOUT_TYPES.contains(line.type()))
                .sorted(Comparator.comparing(BalanceLine::created).thenComparing(BalanceLine::id))
                .toList();
    }

    /**
     * The lines of an on-demand payout of {@code amountMinor} created at {@code payoutCreated}: the balance it swept is
     * the lines of its currency whose funds were available when it was made ({@code available_on} no later than the
     * payout) and that no earlier payout's remittance holds. A payout of the whole available balance takes them all (a
     * reversal that follows its payment included); a smaller one takes them oldest first while the running total stays
     * within the amount, and a line that would overshoot ends the selection.
     */
    public static List<BalanceLine> ofOnDemandPayout(
            Collection<BalanceLine> balance,
            Set<String> alreadyRemitted,
            long amountMinor,
            String currency,
            Instant payoutCreated) {
        List<BalanceLine> candidates = balance.stream()
                .filter(line -> !PAYOUT_TYPES.contains(line.type()))
                .filter(line -> line.currency().equalsIgnoreCase(currency))
                .filter(line -> !line.created().isAfter(payoutCreated))
                .filter(line -> !line.availableOn().isAfter(payoutCreated))
                .filter(line -> !alreadyRemitted.contains(line.id()))
                .sorted(Comparator.comparing(BalanceLine::created).thenComparing(BalanceLine::id))
                .toList();
        if (total(candidates) == amountMinor) {
            return candidates;
        }
        List<BalanceLine> chosen = new ArrayList<>();
        long total = 0;
        for (BalanceLine line : candidates) {
            if (total == amountMinor) {
                break;
            }
            long next = Math.addExact(total, line.netMinor());
            if (next > amountMinor) {
                break;
            }
            chosen.add(line);
            total = next;
        }
        return List.copyOf(chosen);
    }

    /** The sum of the lines' net amounts. */
    public static long total(Collection<BalanceLine> lines) {
        return lines.stream().mapToLong(BalanceLine::netMinor).reduce(0, Math::addExact);
    }

    /** The payment request a transfer group names ({@code payment_request_{uuid}}), if it is FreightGate's. */
    public static Optional<java.util.UUID> paymentRequestOf(String transferGroup) {
        if (transferGroup == null || !transferGroup.startsWith("payment_request_")) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.util.UUID.fromString(transferGroup.substring("payment_request_".length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
