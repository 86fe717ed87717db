package io.freightgate.fraud;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * How one rule did over the stored decisions of a window.
 *
 * @param evaluated decisions stored in the window (every one was evaluated by the rules in force then)
 * @param fired decisions the rule fired for
 * @param decided decisions whose fate the rule decided (it fired and its action came first)
 * @param allowed decisions it decided that let the payment through ({@code ALLOW} or {@code REQUEST_3DS}): an allow
 *     rule's
 * @param allowedThenDisputed of those, payments later disputed
 * @param allowedThenEarlyFraudWarning of those, payments that later had an early fraud warning
 * @param allowedThenEither of those, payments that later met either
 * @param firedThenEither decisions it fired for whose payment later met a dispute or an early fraud warning
 * @param hitRate {@code fired / evaluated}, to four places; empty when nothing was evaluated
 * @param allowedFeedbackRate {@code allowedThenEither / allowed}, to four places; empty when it allowed nothing
 */
public record RuleHitRate(
        UUID ruleId,
        String name,
        String action,
        String state,
        int days,
        long evaluated,
        long fired,
        long decided,
        long allowed,
        long allowedThenDisputed,
        long allowedThenEarlyFraudWarning,
        long allowedThenEither,
        long firedThenEither,
        Optional<BigDecimal> hitRate,
        Optional<BigDecimal> allowedFeedbackRate) {}
