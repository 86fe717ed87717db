/** Wiring of the kyc module: its beans and its properties ({@code freightgate.vies.*}, {@code freightgate.kyc.*}). */
@NullMarked
package io.freightgate.kyc.internal.config;

import org.jspecify.annotations.NullMarked;
