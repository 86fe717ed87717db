/** Users and API clients as stored, and login attempts. */
@NullMarked
package io.freightgate.security.internal;

import org.jspecify.annotations.NullMarked;
