/**
 * A stateful local Stripe API that the unmodified stripe-java client talks to, for the test suite and local mode.
 * Never on the production classpath.
 */
@NullMarked
package io.freightgate.emulator.stripe;

import org.jspecify.annotations.NullMarked;
