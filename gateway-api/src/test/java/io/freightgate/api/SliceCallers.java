package io.freightgate.api;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.platform.idempotency.IdempotencyFilter;
import io.freightgate.security.AccessTokens;
import io.freightgate.security.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Callers of an {@link ApiSlice}: a bearer token minted by the application's own {@link AccessTokens} (RS256 with the
 * slice's key, the real decoder validates it) for an organization and roles, and on mutating requests a fresh
 * {@code Idempotency-Key} unless the test sets one.
 */
public final class SliceCallers {

    /** The platform organization: its staff act across tenants. */
    public static final TenantId PLATFORM = OrganizationDirectory.PLATFORM;

    public static final TenantId CARRIER = new TenantId(UUID.fromString("0f000000-0000-4000-8000-00000000ca01"));
    public static final TenantId OTHER_CARRIER = new TenantId(UUID.fromString("0f000000-0000-4000-8000-00000000ca02"));
    public static final TenantId SHIPPER = new TenantId(UUID.fromString("0f000000-0000-4000-8000-00000000bb01"));

    /** The subject of the tokens minted here (a user id). */
    public static final String USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AccessTokens tokens;

    SliceCallers(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** A user of {@code organization} holding {@code roles}. */
    public RequestPostProcessor as(TenantId organization, Role... roles) {
        return as(USER, organization, roles);
    }

    public RequestPostProcessor as(String subject, TenantId organization, Role... roles) {
        String token = tokens.issue(subject, organization, List.of(roles));
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            if (MUTATING.contains(request.getMethod()) && request.getHeader(IdempotencyFilter.HEADER) == null) {
                request.addHeader(IdempotencyFilter.HEADER, UUID.randomUUID().toString());
            }
            return request;
        };
    }

    /** A request with the given {@code Idempotency-Key} (set before {@link #as}). */
    public static RequestPostProcessor idempotencyKey(String key) {
        return request -> {
            request.addHeader(IdempotencyFilter.HEADER, key);
            return request;
        };
    }
}
