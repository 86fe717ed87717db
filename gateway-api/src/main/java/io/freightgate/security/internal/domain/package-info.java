/** Password policy, lockout, TOTP and recovery codes: plain rules, no Spring. */
@NullMarked
package io.freightgate.security.internal.domain;

import org.jspecify.annotations.NullMarked;
