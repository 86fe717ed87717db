/** Rate limiting over Redis (Bucket4j): per-client and per-address buckets. */
@NullMarked
package io.freightgate.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
