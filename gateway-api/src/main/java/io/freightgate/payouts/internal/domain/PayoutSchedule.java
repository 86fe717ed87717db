package io.freightgate.payouts.internal.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A connected account's payout schedule as Stripe keeps it ({@code settings.payouts.schedule}): what a payout hold
 * saves before it switches the account to manual payouts, and restores when the last hold ends.
 *
 * @param interval {@code manual}, {@code daily}, {@code weekly} or {@code monthly}
 * @param delayDays days funds stay pending before they may be paid out, when Stripe said
 * @param weeklyAnchor the weekday of a weekly schedule
 * @param monthlyAnchor the day of the month of a monthly schedule
 */
public record PayoutSchedule(
        String interval, Optional<Long> delayDays, Optional<String> weeklyAnchor, Optional<Long> monthlyAnchor) {

    public static final String MANUAL = "manual";

    public static PayoutSchedule manual() {
        return new PayoutSchedule(MANUAL, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The schedule a payout account was opened with (its interval, the anchors FreightGate opens accounts with). */
    public static PayoutSchedule opened(String interval) {
        String normalized = interval.toLowerCase(Locale.ROOT);
        return new PayoutSchedule(
                normalized,
                Optional.empty(),
                normalized.equals("weekly") ? Optional.of("friday") : Optional.empty(),
                normalized.equals("monthly") ? Optional.of(1L) : Optional.empty());
    }

    public boolean isManual() {
        return MANUAL.equals(interval);
    }
}
