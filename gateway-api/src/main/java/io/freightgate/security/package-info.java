/**
 * Identity and access: the embedded authorization server (client credentials for API clients, authorization code +
 * PKCE for people through the login pages), the resource server that validates FreightGate's short-lived JWT access
 * tokens (issuer, audience, expiry, RS256 only), the roles of platform staff, carriers and shippers, and the caller's
 * organization as the tenant of the request. Owns the users: the {@link io.freightgate.security.UserDirectory user directory} (roles,
 * disabling, unlocking), {@link io.freightgate.security.Invitations invitations} and
 * {@link io.freightgate.security.PasswordResets password resets} (invitation, reset and lockout mails through the
 * platform's notifications),
 * the web sessions of the login (Spring Session JDBC; logout revokes the user's web refresh tokens), the signing keys
 * and their rotation, the trusted-proxy handling of forwarded headers and {@code /.well-known/security.txt}, {@link io.freightgate.security.Logins logins} (password, TOTP, lockout, throttling) and
 * {@link io.freightgate.security.ApiClients API clients}. Publishes {@link io.freightgate.security.UserInvited},
 * {@link io.freightgate.security.LoginFailed}, {@link io.freightgate.security.AccountLocked} and
 * {@link io.freightgate.security.AccountUnlocked}. Never logs passwords, codes, tokens or secrets. Answers 401 and 403
 * with the problem catalogue.
 */
@NullMarked
package io.freightgate.security;

import org.jspecify.annotations.NullMarked;
