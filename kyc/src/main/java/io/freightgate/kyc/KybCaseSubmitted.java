package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;

/** Event: a case waits for compliance review (screening says whether a sanctions hit needs looking at first). */
public record KybCaseSubmitted(TenantId organization, ScreeningStatus screening) {}
