package io.freightgate.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.webhooks.internal.StripeSignature.Rejected;
import io.freightgate.webhooks.internal.StripeSignature.Rejection;
import io.freightgate.webhooks.internal.StripeSignature.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeSignatureTests {

    static final String SECRET = "whsec_current";
    static final String OLD_SECRET = "whsec_previous";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final byte[] BODY =
            "{\"id\":\"evt_1\",\"type\":\"account.updated\",\"created\":1}".getBytes(StandardCharsets.UTF_8);

    final StripeSignature signature = new StripeSignature(Duration.ofMinutes(5));

    @Test
    void acceptsTheSignatureStripeWouldSend() throws Exception {
        String header = com.stripe.net.Webhook.Signature.generateSignatureHeader(
                new String(BODY, StandardCharsets.UTF_8), SECRET, NOW.getEpochSecond());

        assertThat(signature.verify(BODY, header, List.of(SECRET), NOW)).isEqualTo(new Verified(NOW));
        assertThat(StripeSignature.header(SECRET, NOW.getEpochSecond(), BODY)).isEqualTo(header);
    }

    @Test
    void acceptsAnyConfiguredSecretWhileOneIsRotated() {
        String header = StripeSignature.header(OLD_SECRET, NOW.getEpochSecond(), BODY);

        assertThat(signature.verify(BODY, header, List.of(SECRET, OLD_SECRET), NOW))
                .isInstanceOf(Verified.class);
        assertThat(signature.verify(BODY, header, List.of(SECRET), NOW)).isEqualTo(new Rejected(Rejection.MISMATCH));
    }

    @Test
    void acceptsAnyOfSeveralV1SignaturesAndIgnoresOtherSchemes() {
        long t = NOW.getEpochSecond();
        String good = StripeSignature.header(SECRET, t, BODY).substring(("t=" + t + ",").length());
        String header = "t=" + t + ",v0=" + "ab".repeat(32) + ",v1=" + "00".repeat(32) + "," + good;

        assertThat(signature.verify(BODY, header, List.of(SECRET), NOW)).isInstanceOf(Verified.class);
    }

    @Test
    void refusesAForgedSignatureOrATamperedBody() {
        String forged = StripeSignature.header("whsec_attacker", NOW.getEpochSecond(), BODY);
        String genuine = StripeSignature.header(SECRET, NOW.getEpochSecond(), BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("evt_1", "evt_2")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify(BODY, forged, List.of(SECRET), NOW)).isEqualTo(new Rejected(Rejection.MISMATCH));
        assertThat(signature.verify(tampered, genuine, List.of(SECRET), NOW))
                .isEqualTo(new Rejected(Rejection.MISMATCH));
    }

    @Test
    void refusesTimestampsBeyondTheToleranceInThePastAndInTheFuture() {
        String stale = StripeSignature.header(SECRET, NOW.minusSeconds(301).getEpochSecond(), BODY);
        String future = StripeSignature.header(SECRET, NOW.plusSeconds(301).getEpochSecond(), BODY);
        String edge = StripeSignature.header(SECRET, NOW.plusSeconds(300).getEpochSecond(), BODY);

        assertThat(signature.verify(BODY, stale, List.of(SECRET), NOW)).isEqualTo(new Rejected(Rejection.TOO_OLD));
        assertThat(signature.verify(BODY, future, List.of(SECRET), NOW)).isEqualTo(new Rejected(Rejection.TOO_NEW));
        assertThat(signature.verify(BODY, edge, List.of(SECRET), NOW)).isInstanceOf(Verified.class);
    }

    @Test
    void refusesMissingAndMalformedHeaders() {
        String v1 = "v1=" + "00".repeat(32);

        assertThat(signature.verify(BODY, null, List.of(SECRET), NOW)).isEqualTo(new Rejected(Rejection.MISSING));
        assertThat(signature.verify(BODY, "", List.of(SECRET), NOW)).isEqualTo(new Rejected(Rejection.MISSING));
        assertThat(signature.verify(BODY, "garbage", List.of(SECRET), NOW))
                .isEqualTo(new Rejected(Rejection.MALFORMED));
        assertThat(signature.verify(BODY, v1, List.of(SECRET), NOW)).isEqualTo(new Rejected(Rejection.MALFORMED));
        assertThat(signature.verify(BODY, "t=-5," + v1, List.of(SECRET), NOW))
                .isEqualTo(new Rejected(Rejection.MALFORMED));
        assertThat(signature.verify(BODY, "t=１２," + v1, List.of(SECRET), NOW))
                .isEqualTo(new Rejected(Rejection.MALFORMED));
        assertThat(signature.verify(BODY, "t=" + NOW.getEpochSecond(), List.of(SECRET), NOW))
                .isEqualTo(new Rejected(Rejection.NO_V1));
    }

    @Test
    void refusesEverythingWhenNoSecretIsConfigured() {
        String header = StripeSignature.header(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(signature.verify(BODY, header, List.of(), NOW)).isEqualTo(new Rejected(Rejection.NO_SECRET));
    }
}
