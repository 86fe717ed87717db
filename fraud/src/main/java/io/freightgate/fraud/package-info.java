/**
 * Fraud screening (still to be built): intake of Stripe Radar signals, device fingerprints and behaviour, named rules
 * that return ALLOW, REVIEW or BLOCK with their reasons, the analysts' review queue, rate-limit policies and the block
 * list. Publishes its decisions as events; never calls payments directly (a REVIEW holds a transfer through a reaction in
 * {@code io.freightgate.flows}).
 */
@NullMarked
package io.freightgate.fraud;

import org.jspecify.annotations.NullMarked;
