/** Wiring of the kyc module: its beans and its properties ({@code freightgate.vies.*}, {@code freightgate.kyc.*}). */
package io.freightgate.kyc.internal.config;
