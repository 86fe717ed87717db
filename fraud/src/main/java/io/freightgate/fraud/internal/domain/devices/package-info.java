/**
 * Device fingerprints: the browser attributes the gateway's collector script sends, checked, bounded and reduced to a
 * canonical text, and the keyed hash that turns it into a device id. No Spring, no vendor types.
 */
@NullMarked
package io.freightgate.fraud.internal.domain.devices;

import org.jspecify.annotations.NullMarked;
