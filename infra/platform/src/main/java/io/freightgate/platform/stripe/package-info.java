/** The Stripe client every module calls Stripe through. */
@NullMarked
package io.freightgate.platform.stripe;

import org.jspecify.annotations.NullMarked;
