/**
 * The organizations that are FreightGate's tenants: carriers, shippers and the platform operator itself. Publishes
 * {@link io.freightgate.organizations.OrganizationRegistered}. Each organization's id is its {@code TenantId}.
 */
@NullMarked
package io.freightgate.organizations;

import org.jspecify.annotations.NullMarked;
