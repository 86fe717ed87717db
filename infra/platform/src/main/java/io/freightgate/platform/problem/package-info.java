/** The problem-type catalogue (RFC 9457 answers). */
@NullMarked
package io.freightgate.platform.problem;

import org.jspecify.annotations.NullMarked;
