/**
 * A local VIES {@code checkVatService} SOAP endpoint implementing the same WSDL as the real service, for the test suite
 * and local mode. Never on the production classpath.
 */
@NullMarked
package io.freightgate.emulator.vies;

import org.jspecify.annotations.NullMarked;
