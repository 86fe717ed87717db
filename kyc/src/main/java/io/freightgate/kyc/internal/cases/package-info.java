/**
 * Persistence and background work of KYB cases: the case repository, the VIES consultations kept as evidence, the
 * VIES verification of a case's VAT number (guards, cache, backoff, events), the expiry monitor and the Spring Batch
 * job that re-checks VIES results.
 */
@NullMarked
package io.freightgate.kyc.internal.cases;

import org.jspecify.annotations.NullMarked;
