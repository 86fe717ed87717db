/**
 * The only place where two domain modules meet: ports one module declares and another module's facade satisfies, and
 * reactions that hear one module's event and call another's facade. Classes are named as sentences
 * ({@code DisputeOpeningHoldsCarrierTransfer}), so the wiring of the business reads in one folder.
 */
@NullMarked
package io.freightgate.flows;

import org.jspecify.annotations.NullMarked;
