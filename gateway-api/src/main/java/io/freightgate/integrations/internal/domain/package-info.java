/** WebhookSignature: the signature integrators verify on each delivery. */
@NullMarked
package io.freightgate.integrations.internal.domain;

import org.jspecify.annotations.NullMarked;
