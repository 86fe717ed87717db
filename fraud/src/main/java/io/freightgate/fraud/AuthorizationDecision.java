package io.freightgate.fraud;

import java.util.Optional;
import java.util.UUID;

/** What the screening after the authorization decided, and the review it opened for a REVIEW. */
public record AuthorizationDecision(ScreeningDecision screening, Optional<UUID> reviewId) {}
