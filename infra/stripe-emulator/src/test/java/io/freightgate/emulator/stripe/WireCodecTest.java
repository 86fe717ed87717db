package io.freightgate.emulator.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Form, query and multipart decoding as stripe-java encodes them, and the signature format. */
class WireCodecTest {

    @Test
    void decodesBracketedNestingIndexedArraysAndPercentEncodedBrackets() {
        JsonObject tree = FormCodec.tree(
                FormCodec.pairs("metadata[order]=A%2B1&expand%5B0%5D=latest_charge&expand%5B1%5D=customer"
                        + "&payment_method_options[card][request_three_d_secure]=any&list[]=x&list[]=y&empty="));
        assertThat(tree.getAsJsonObject("metadata").get("order").getAsString()).isEqualTo("A+1");
        assertThat(new Params(tree).expand()).containsExactly("latest_charge", "customer");
        assertThat(new Params(tree).strings("list")).containsExactly("x", "y");
        assertThat(new Params(tree).strings("empty")).isEmpty();
        assertThat(tree.getAsJsonObject("payment_method_options")
                        .getAsJsonObject("card")
                        .get("request_three_d_secure")
                        .getAsString())
                .isEqualTo("any");
        assertThat(FormCodec.fingerprint(FormCodec.pairs("b=2&a=1")))
                .isEqualTo(FormCodec.fingerprint(FormCodec.pairs("a=1&b=2")));
    }

    @Test
    void typedAccessRaisesStripesParameterErrors() {
        Params p = new Params(FormCodec.tree(FormCodec.pairs("amount=12x&confirm=maybe")));
        assertThatThrownBy(() -> p.longValue("amount"))
                .isInstanceOf(ApiError.class)
                .satisfies(e ->
                        assertThat(Json.str(((ApiError) e).error(), "code")).isEqualTo("parameter_invalid_integer"));
        assertThatThrownBy(() -> p.bool("confirm")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> p.allowOnly(java.util.Set.of("amount")))
                .isInstanceOf(ApiError.class)
                .hasMessageContaining("confirm");
    }

    @Test
    void parsesMultipartUploads() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n"
                + "dispute_evidence\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"pod.png\"\r\n"
                + "Content-Type: image/png\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\n"
                + "PNGDATA\r\n"
                + "--" + boundary + "--\r\n";
        List<Multipart.Part> parts = Multipart.parse(
                body.getBytes(StandardCharsets.UTF_8), Multipart.boundary("multipart/form-data; boundary=" + boundary));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).text()).isEqualTo("dispute_evidence");
        assertThat(parts.get(1).filename()).isEqualTo("pod.png");
        assertThat(parts.get(1).contentType()).isEqualTo("image/png");
        assertThat(parts.get(1).text()).isEqualTo("PNGDATA");
    }

    @Test
    void signatureMatchesStripeJavasOwnSigner() throws Exception {
        String payload = "{\"id\":\"evt_1\"}";
        assertThat(WebhookSignature.header(payload, "whsec_abc", 1_700_000_000L))
                .isEqualTo(
                        com.stripe.net.Webhook.Signature.generateSignatureHeader(payload, "whsec_abc", 1_700_000_000L));
    }

    @Test
    void faultRulePathPatterns() {
        FaultRule rule = FaultRule.serverError("POST", "/v1/payment_intents/*/confirm");
        assertThat(rule.matches("POST", "/v1/payment_intents/pi_1/confirm")).isTrue();
        assertThat(rule.matches("POST", "/v1/payment_intents/pi_1/capture")).isFalse();
        assertThat(rule.matches("GET", "/v1/payment_intents/pi_1/confirm")).isFalse();
        assertThat(FaultRule.serverError(null, "/v1/**").matches("GET", "/v1/a/b/c"))
                .isTrue();
        assertThat(StripeEmulatorMain.durations("50ms,2s,1m")).hasSize(3);
        assertThat(StripeEmulatorMain.parse(new String[] {"--port", "0", "--rate-limits"})
                        .rateLimits())
                .isTrue();
    }
}
