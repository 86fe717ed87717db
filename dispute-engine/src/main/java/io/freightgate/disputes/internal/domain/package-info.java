/** The dispute case and its rules: plain Java, no Spring. */
@NullMarked
package io.freightgate.disputes.internal.domain;

import org.jspecify.annotations.NullMarked;
