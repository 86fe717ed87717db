package io.freightgate.payouts;

import java.net.URI;
import java.time.Instant;

/**
 * A single-use link to Stripe's hosted onboarding for the carrier. It expires ({@code expiresAt}, about five minutes);
 * Stripe sends the carrier to the refresh URL when it has expired or was used, where a new one is requested. Reaching
 * the return URL does not mean onboarding is complete: the payout account's status says that.
 */
public record OnboardingLink(URI url, Instant expiresAt) {}
