/** Organizations' persistence. */
@NullMarked
package io.freightgate.organizations.internal;

import org.jspecify.annotations.NullMarked;
