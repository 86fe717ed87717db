/**
 * Sanctions list matching as plain Java: reading a list file ({@link
 * io.freightgate.kyc.internal.domain.sanctions.SanctionsCsv}), normalizing names ({@link
 * io.freightgate.kyc.internal.domain.sanctions.NameNormalizer}), Jaro-Winkler similarity and the token-based name
 * matcher with its threshold ({@link io.freightgate.kyc.internal.domain.sanctions.NameMatcher}).
 */
@NullMarked
package io.freightgate.kyc.internal.domain.sanctions;

import org.jspecify.annotations.NullMarked;
