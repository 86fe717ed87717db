/** The fraud module's aggregates: the rules analysts write, with their lifecycle. No Spring, no vendor types. */
@NullMarked
package io.freightgate.fraud.internal.domain;

import org.jspecify.annotations.NullMarked;
