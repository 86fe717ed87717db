package io.freightgate.kyc.internal.vies;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ViesSoapClient} reaches VIES.
 *
 * @param endpoint the SOAP endpoint, e.g. {@link #PRODUCTION_ENDPOINT} or a local emulator
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time allowed for the answer once connected; VIES itself waits for the member state, keep this
 *     short (5-10 s) and retry UNKNOWN results asynchronously
 * @param requesterCountryCode the platform's own VIES country code; with {@code requesterVatNumber} it makes VIES issue a
 *     consultation number
 * @param requesterVatNumber the platform's own VAT number without prefix
 */
public record ViesClientSettings(
        URI endpoint,
        Duration connectTimeout,
        Duration requestTimeout,
        String requesterCountryCode,
        String requesterVatNumber) {

    /** The production SOAP endpoint (https; the WSDL's http address only redirects). */
    public static final URI PRODUCTION_ENDPOINT =
            URI.create("https://ec.europa.eu/taxation_customs/vies/services/checkVatService");

    public ViesClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(requesterCountryCode, "requesterCountryCode");
        Objects.requireNonNull(requesterVatNumber, "requesterVatNumber");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be http or https: " + endpoint);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (!requesterCountryCode.matches("[A-Z]{2}") || !requesterVatNumber.matches("[0-9A-Za-z+*.]{2,12}")) {
            throw new IllegalArgumentException("requester must be a VIES country code and a number without prefix");
        }
    }
}
