/**
 * The list-based {@link io.freightgate.kyc.SanctionsScreening}: sanctions lists imported by an operator into
 * PostgreSQL ({@link io.freightgate.kyc.internal.sanctions.SanctionsLists}) and matched in memory with the domain's
 * {@link io.freightgate.kyc.internal.domain.sanctions.NameMatcher}.
 */
@NullMarked
package io.freightgate.kyc.internal.sanctions;

import org.jspecify.annotations.NullMarked;
