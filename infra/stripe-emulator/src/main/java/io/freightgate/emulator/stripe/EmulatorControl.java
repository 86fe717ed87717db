package io.freightgate.emulator.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The emulator's control surface, the same in process ({@link StripeEmulator#control()}) and over HTTP under
 * {@code /_emulator/} ({@link RemoteEmulatorControl}).
 */
public interface EmulatorControl {

    /** The emulator's current time. */
    Instant now();

    /** Advances the emulator clock and runs whatever became due (capture expiry, refund transitions, retries). */
    Instant advanceClock(Duration amount);

    /** Adds a fault rule and returns its id. */
    String injectFault(FaultRule rule);

    /** Removes every fault rule. */
    void clearFaults();

    /** Every API request received so far (since the start or the last reset), oldest first. */
    List<ReceivedRequest> requests();

    /** Switches the test-mode rate limits (25 requests/s, files 20/s per API key) on or off. */
    void rateLimits(boolean enabled);

    /** Changes how webhooks are delivered from now on. */
    void webhookBehaviour(WebhookBehaviour behaviour);

    /** Every webhook delivery so far, oldest first. */
    List<WebhookDelivery> deliveries();

    /** Makes every pending webhook retry due now. */
    void retryWebhooksNow();

    /**
     * Completes ({@code succeed}) or fails the 3-D Secure authentication of a PaymentIntent in {@code requires_action},
     * as the customer would on the redirect page, and returns the PaymentIntent's new status.
     */
    String authenticate(String apiKey, String stripeAccount, String paymentIntentId, boolean succeed);

    /**
     * Makes a connected account's requirements currently due (with a deadline), past due (charges and payouts
     * disabled, capabilities inactive) or satisfied, emitting {@code account.updated} and {@code capability.updated}
     * to {@code connect=true} endpoints.
     */
    void accountRequirements(String apiKey, String accountId, AccountRequirements change);

    /**
     * Opens a dispute on a succeeded charge (of the platform, or of {@code stripeAccount} for direct charges) with any
     * of Stripe's 15 reasons and a chosen card brand; returns the {@code dp_...} id.
     */
    String createDispute(String apiKey, String stripeAccount, String chargeId, DisputeRequest request);

    /**
     * Decides a dispute (won or lost, with its events and balance transactions) and returns exactly the evidence the
     * emulator received for it, file bytes included. A lost inquiry escalates to a chargeback.
     */
    DisputeEvidence decideDispute(String apiKey, String stripeAccount, String disputeId, boolean won);

    /** The evidence received so far for a dispute (submitted, else staged), file bytes included. */
    DisputeEvidence disputeEvidence(String apiKey, String stripeAccount, String disputeId);
}
