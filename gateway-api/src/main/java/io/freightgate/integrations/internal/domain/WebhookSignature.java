package io.freightgate.integrations.internal.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code FreightGate-Signature} header, Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC's key is the endpoint's secret (its UTF-8 bytes, prefix included) and its message is {@code "<t>.<body>"}. While
 * a rotated-out secret is still valid, one {@code v1} per secret is sent, the current secret's first; a receiver
 * accepts the request when any {@code v1} matches a secret it knows.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    /** The header value for a body sent at {@code unixSeconds}, signed with every given secret in order. */
    public static String header(long unixSeconds, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one secret signs a delivery");
        }
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(hmac(secret, unixSeconds + "." + body));
        }
        return header.toString();
    }

    /** The hex HMAC-SHA256 of {@code message} under {@code secret}. */
    public static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
