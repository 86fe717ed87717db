/** x */
@NullMarked
package io.freightgate.kyc.internal.domain;

import org.jspecify.annotations.NullMarked;
