/** The load and the rules of its delivery evidence: geofences, photo evidence, the hash chain. */
@NullMarked
package io.freightgate.loads.internal.domain;

import org.jspecify.annotations.NullMarked;
