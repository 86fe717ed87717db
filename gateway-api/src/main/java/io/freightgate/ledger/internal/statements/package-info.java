/** Fee journals and the fee statements (PDF) built from them. */
@NullMarked
package io.freightgate.ledger.internal.statements;

import org.jspecify.annotations.NullMarked;
