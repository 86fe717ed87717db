package io.freightgate.fraud.internal.domain.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceFingerprintTests {

    private static final String CHROME =
            "ua=Mozilla%2F5.0+(X11%3B+Linux+x86_64)+Chrome%2F131.0.6778.85+Safari%2F537.36&pl=Linux+x86_64"
                    + "&lang=en-GB%2Cde&scr=1920x1080x24&tz=Europe%2FBerlin&hc=8&dm=8&tp=0&cv=9f2a11c3";

    private final DeviceFingerprint fingerprint = new DeviceFingerprint(key('k'));

    @Test
    void theSameAttributesAreTheSameDeviceWhateverTheirOrderAndTheBrowsersMinorVersion() {
        String id = fingerprint.deviceId(CHROME).orElseThrow();

        assertThat(id).matches("dev_[0-9a-f]{32}");
        assertThat(DeviceFingerprint.isDeviceId(id)).isTrue();
        assertThat(fingerprint.deviceId("tz=Europe%2FBerlin&" + CHROME.replace("&tz=Europe%2FBerlin", "")))
                .contains(id);
        assertThat(fingerprint.deviceId(CHROME.replace("131.0.6778.85", "131.0.6778.108")))
                .as("a browser update within its major version")
                .contains(id);
        assertThat(fingerprint.deviceId(CHROME + "&unknown=field"))
                .as("unknown fields are ignored")
                .contains(id);
    }

    @Test
    void anotherScreenOrCanvasIsAnotherDevice() {
        String id = fingerprint.deviceId(CHROME).orElseThrow();

        assertThat(fingerprint.deviceId(CHROME.replace("1920x1080x24", "2560x1440x30")))
                .isPresent()
                .get()
                .isNotEqualTo(id);
        assertThat(fingerprint.deviceId(CHROME.replace("cv=9f2a11c3", "cv=00000001")))
                .isPresent()
                .get()
                .isNotEqualTo(id);
    }

    @Test
    void theHashIsKeyedSoAnotherKeyGivesAnotherIdAndTheAttributesCannotBeTriedOffline() {
        assertThat(new DeviceFingerprint(key('x')).deviceId(CHROME))
                .isPresent()
                .get()
                .isNotEqualTo(fingerprint.deviceId(CHROME).orElseThrow());
        assertThat(fingerprint.toString()).doesNotContain("kkkk");
        assertThatThrownBy(() -> new DeviceFingerprint(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedOrOversizedInputIsNoDeviceNeverAnError() {
        assertThat(fingerprint.deviceId("")).isEmpty();
        assertThat(fingerprint.deviceId("ua=Mozilla&pl=Linux"))
                .as("too few attributes")
                .isEmpty();
        assertThat(fingerprint.deviceId(CHROME + "&x=" + "a".repeat(DeviceFingerprint.MAX_INPUT)))
                .as("longer than the bound")
                .isEmpty();
        assertThat(fingerprint.deviceId(CHROME + "&pl=Windows"))
                .as("a field twice")
                .isEmpty();
        assertThat(fingerprint.deviceId(CHROME.replace("hc=8", "hc=%ZZ")))
                .as("bad percent-encoding")
                .isEmpty();
        assertThat(fingerprint.deviceId(CHROME.replace("hc=8", "hc=8%00")))
                .as("a control character")
                .isEmpty();
        assertThat(fingerprint.deviceId(CHROME.replace("tz=Europe%2FBerlin", "tz=" + "b".repeat(500))))
                .as("a value longer than its bound")
                .isEmpty();
        assertThat(fingerprint.deviceId("&".repeat(40) + CHROME))
                .as("too many fields")
                .isEmpty();
        assertThat(fingerprint.deviceId("{\"ua\":\"x\"}")).isEqualTo(Optional.empty());
    }

    @Test
    void onlyWhatTheScriptSendsLooksLikeADeviceId() {
        assertThat(DeviceFingerprint.isDeviceId("Mozilla/5.0")).isFalse();
        assertThat(DeviceFingerprint.isDeviceId("dev_disputed_1")).isFalse();
        assertThat(DeviceFingerprint.isDeviceId("dev_" + "a".repeat(32))).isTrue();
    }

    private static byte[] key(char c) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) c);
        return new String(key, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
    }
}
