/**
 * The fraud module's rate-limit policy table and block list, behind the platform's {@link
 * io.freightgate.platform.ratelimit.RateLimitPolicy} and {@link io.freightgate.platform.ratelimit.BlockList} SPIs.
 */
@NullMarked
package io.freightgate.fraud.internal.ratelimit;

import org.jspecify.annotations.NullMarked;
