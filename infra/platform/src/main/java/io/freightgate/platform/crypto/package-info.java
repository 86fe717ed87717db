/** Envelope encryption of personal data and secrets. */
@NullMarked
package io.freightgate.platform.crypto;

import org.jspecify.annotations.NullMarked;
