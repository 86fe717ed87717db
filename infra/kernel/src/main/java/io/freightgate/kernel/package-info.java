/**
 * The shared vocabulary of FreightGate: {@link io.freightgate.kernel.Money}, {@link io.freightgate.kernel.TenantId},
 * {@link io.freightgate.kernel.CountryCode} and the typed identifiers every module uses. Plain Java, no Spring, no
 * vendor types; every other module may depend on it and it depends on nothing.
 */
@NullMarked
package io.freightgate.kernel;

import org.jspecify.annotations.NullMarked;
