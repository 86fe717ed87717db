/** Envers revision info: who changed an audited row, and in which tenant. */
@NullMarked
package io.freightgate.platform.audit;

import org.jspecify.annotations.NullMarked;
