/** The gateway application: its Spring Boot entry point. */
@NullMarked
package io.freightgate;

import org.jspecify.annotations.NullMarked;
