/** The fraud module's adapters: repositories, the rules in force, the default rule set. */
@NullMarked
package io.freightgate.fraud.internal;

import org.jspecify.annotations.NullMarked;
