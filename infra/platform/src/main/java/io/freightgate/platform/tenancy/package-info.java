/** The tenant of a call, row-level security set per transaction, and the audited system path. */
@NullMarked
package io.freightgate.platform.tenancy;

import org.jspecify.annotations.NullMarked;
