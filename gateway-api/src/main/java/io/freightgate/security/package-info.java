/**
 * Identity and access: the resource server that validates FreightGate's short-lived JWT access tokens (issuer,
 * audience, expiry, RS256 only), the roles of platform staff, carriers and shippers, and the caller's organization as the
 * tenant of the request. Answers 401 and 403 with the problem catalogue. The embedded authorization server, users,
 * TOTP and lockout come with the identity issue.
 */
package io.freightgate.security;
