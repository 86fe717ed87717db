/**
 * The evidence file's plan and checklist: which exhibits answer a dispute of each reason for each service type, which
 * Stripe evidence fields they fill, and how strong what a case has actually is. Plain Java data, no Spring; not yet
 * wired to the case API nor to the evidence PDF.
 */
@NullMarked
package io.freightgate.disputes.internal.domain.evidence;

import org.jspecify.annotations.NullMarked;
