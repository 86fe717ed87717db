package io.freightgate.emulator.stripe;

import java.time.Duration;

/**
 * Switches that make webhook delivery misbehave the way Stripe is allowed to.
 *
 * @param duplicate every delivery is sent twice (same event id)
 * @param reorder deliveries created close together are held for {@code reorderWindow} and sent newest first
 * @param delay every first attempt waits this long
 * @param dropFirstAttempts this many first attempts of each delivery are lost (never reach the receiver) and then
 *     retried by the normal retry schedule
 * @param reorderWindow how long reordered deliveries are collected before being sent
 */
public record WebhookBehaviour(
        boolean duplicate, boolean reorder, Duration delay, int dropFirstAttempts, Duration reorderWindow) {

    public WebhookBehaviour {
        delay = delay == null ? Duration.ZERO : delay;
        reorderWindow = reorderWindow == null ? Duration.ofMillis(300) : reorderWindow;
        if (dropFirstAttempts < 0) {
            throw new IllegalArgumentException("dropFirstAttempts");
        }
    }

    /** Prompt, ordered, single delivery. */
    public static WebhookBehaviour normal() {
        return new WebhookBehaviour(false, false, Duration.ZERO, 0, Duration.ofMillis(300));
    }

    public WebhookBehaviour withDuplicate(boolean on) {
        return new WebhookBehaviour(on, reorder, delay, dropFirstAttempts, reorderWindow);
    }

    public WebhookBehaviour withReorder(boolean on) {
        return new WebhookBehaviour(duplicate, on, delay, dropFirstAttempts, reorderWindow);
    }

    public WebhookBehaviour withDelay(Duration d) {
        return new WebhookBehaviour(duplicate, reorder, d, dropFirstAttempts, reorderWindow);
    }

    public WebhookBehaviour withDropFirstAttempts(int n) {
        return new WebhookBehaviour(duplicate, reorder, delay, n, reorderWindow);
    }
}
