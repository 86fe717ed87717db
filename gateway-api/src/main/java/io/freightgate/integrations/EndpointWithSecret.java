package io.freightgate.integrations;

/**
 * An endpoint just created, or whose secret was just rotated, with its signing secret: the only time FreightGate shows
 * it. {@code toString} masks it.
 */
public record EndpointWithSecret(IntegratorEndpointView endpoint, String secret) {

    @Override
    public String toString() {
        return "EndpointWithSecret[endpoint=" + endpoint + ", secret=***]";
    }
}
