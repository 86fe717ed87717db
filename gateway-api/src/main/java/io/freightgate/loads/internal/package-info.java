/** Loads' persistence, files and delivery proofs (photos, e-mailed documents, the chained log). */
@NullMarked
package io.freightgate.loads.internal;

import org.jspecify.annotations.NullMarked;
