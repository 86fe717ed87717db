package io.freightgate.emulator.stripe;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change of a connected account's requirements made through the control API
 * ({@link EmulatorControl#accountRequirements}).
 *
 * @param state what to do
 * @param fields the requirement names made due (e.g. {@code individual.verification.document}); ignored for
 *     {@link State#SATISFIED}
 * @param deadline the {@code current_deadline} for {@link State#CURRENTLY_DUE} ({@code null}: 14 emulated days); when
 *     the clock passes it the fields become past due
 */
public record AccountRequirements(
        State state, List<String> fields, @Nullable Instant deadline) {

    /** The target state. */
    public enum State {
        /** Fields currently due with a deadline; the account stays enabled. */
        CURRENTLY_DUE,
        /** Fields past due: charges and payouts disabled, capabilities inactive. */
        PAST_DUE,
        /** Everything provided (as the hosted onboarding does): enabled, capabilities active. */
        SATISFIED
    }

    public AccountRequirements {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static AccountRequirements currentlyDue(List<String> fields, Instant deadline) {
        return new AccountRequirements(State.CURRENTLY_DUE, fields, deadline);
    }

    public static AccountRequirements pastDue(List<String> fields) {
        return new AccountRequirements(State.PAST_DUE, fields, null);
    }

    public static AccountRequirements satisfied() {
        return new AccountRequirements(State.SATISFIED, List.of(), null);
    }
}
