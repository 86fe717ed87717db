package io.freightgate.platform.ratelimit;

/** Who is asking, as far as rate limits care: the kind of organization the caller belongs to, or nobody known. */
public enum UserType {
    CARRIER,
    SHIPPER,
    PLATFORM,
    ANONYMOUS
}
