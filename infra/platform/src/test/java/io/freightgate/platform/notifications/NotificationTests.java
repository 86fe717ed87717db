package io.freightgate.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationTests {

    static final Map<String, String> MODEL = Map.of("recipient_name", "Ada", "message", "Hello");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Welcome\r\nBcc: everyone@example.com",
                "Welcome\nBcc: everyone@example.com",
                "Welcome\rBcc: everyone@example.com",
                "Welcome\u0000",
                "Welcome\u2028Bcc: everyone@example.com"
            })
    void refusesASubjectWithALineBreakOrControlCharacter(String subject) {
        assertThatThrownBy(() -> new Notification("ada@example.com", subject, "notice", MODEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ada@example.com\r\nBcc: everyone@example.com",
                "ada@example.com\nCc: everyone@example.com",
                "ada@example.com, everyone@example.com",
                "Ada <ada@example.com>",
                "ada@example.com%0d%0aBcc:everyone@example.com",
                "ada@localhost",
                "ada",
                ""
            })
    void refusesARecipientThatIsNotOnePlainAddress(String recipient) {
        assertThatThrownBy(() -> new Notification(recipient, "Welcome", "notice", MODEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("everyone@example.com"));
    }

    @Test
    void acceptsPlainAddressesAndOneLineSubjects() {
        assertThatCode(() -> new Notification(
                        "ada.lovelace+invites@mail.example.co.uk",
                        "Willkommen bei FreightGate, Zoë & Co",
                        "notice",
                        MODEL))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesATemplateNameThatCouldLeaveTheTemplateFolder() {
        assertThatThrownBy(() -> new Notification("ada@example.com", "Welcome", "../application", MODEL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASubjectLongerThanTwoHundredCharacters() {
        assertThatThrownBy(() -> new Notification("ada@example.com", "x".repeat(201), "notice", MODEL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsNeitherTheAddressNorTheModelValues() {
        var notification = new Notification("ada@example.com", "Welcome", "notice", MODEL);

        assertThat(notification.toString())
                .contains("notice")
                .doesNotContain("ada@example.com")
                .doesNotContain("Ada");
    }
}
