package io.freightgate.organizations;

import io.freightgate.kernel.TenantId;

/** Event: a new organization (tenant) exists. KYC opens its case from it. */
public record OrganizationRegistered(TenantId organization, OrganizationType type) {}
