/**
 * Velocity: how many payment attempts, declined attempts and distinct cards one shipper, card, IP address, device or
 * pay link had over the last hour, day and week, as attributes the rules name ({@code :attempts_per_pay_link_1h:}).
 * The counters, their windows and their names; where they are kept (Redis, recomputed from PostgreSQL when Redis is
 * down) lives outside this package. No Spring, no vendor types.
 */
@NullMarked
package io.freightgate.fraud.internal.domain.velocity;

import org.jspecify.annotations.NullMarked;
