package io.freightgate.platform.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Where the running call came from: its request id and client address, as the request-id filter put them in the
 * logging context. Read by the audit trail; outside a request both are {@code null}.
 */
public record RequestInfo(
        @Nullable String requestId, @Nullable String clientIp) {

    public static final String REQUEST_ID = "request_id";
    public static final String CLIENT_IP = "client_ip";

    public static RequestInfo current() {
        return new RequestInfo(MDC.get(REQUEST_ID), MDC.get(CLIENT_IP));
    }
}
