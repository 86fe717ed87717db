/** SQL helpers shared by every module ({@code ON CONFLICT} upserts). */
@NullMarked
package io.freightgate.platform.persistence;

import org.jspecify.annotations.NullMarked;
