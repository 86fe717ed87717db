/**
 * A local VIES {@code checkVatService} SOAP endpoint implementing the same WSDL as the real service, for the test suite
 * and local mode. Never on the production classpath.
 */
package io.freightgate.emulator.vies;
