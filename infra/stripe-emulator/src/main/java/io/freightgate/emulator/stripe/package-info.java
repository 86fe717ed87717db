/**
 * A stateful local Stripe API that the unmodified stripe-java client talks to, for the test suite and local mode.
 * Never on the production classpath.
 */
package io.freightgate.emulator.stripe;
