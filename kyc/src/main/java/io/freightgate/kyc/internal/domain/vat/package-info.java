/**
 * Offline EU VAT identification number validation: normalization, per-member-state format and check-digit rules (27
 * member states and {@code XI}). Pure Java: no Spring, no JAX-WS, no other vendor types.
 */
@NullMarked
package io.freightgate.kyc.internal.domain.vat;

import org.jspecify.annotations.NullMarked;
