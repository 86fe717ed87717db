package io.freightgate.platform.tenancy;

import io.freightgate.kernel.TenantId;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Finds the organization an authenticated caller belongs to. The security module implements it from its tokens; the
 * platform only needs the answer.
 */
public interface TenantResolver {

    Optional<Caller> resolve(Authentication authentication);

    /** The caller's organization and its id for the audit trail (user id or API client id). */
    record Caller(TenantId tenant, String actor) {}
}
