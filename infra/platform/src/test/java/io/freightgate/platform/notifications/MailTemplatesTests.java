package io.freightgate.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTests {

    static final String HOSTILE_COMPANY = "<script>alert(1)</script> & Co";

    final MailTemplates templates = new MailTemplates(getClass().getClassLoader(), "mail/templates/");

    @Test
    void encodesEveryUserSuppliedStringInTheHtmlBody() {
        OutgoingMail mail = templates.render(invitation(Map.of("company_name", HOSTILE_COMPANY)));

        assertThat(mail.html())
                .contains("for <span title=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co\">"
                        + "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</span>")
                .doesNotContain("<script>");
    }

    @Test
    void aValueCannotBreakOutOfAnAttribute() {
        OutgoingMail mail = templates.render(invitation(Map.of("company_name", "Acme\" onmouseover=\"alert(1)")));

        assertThat(mail.html()).contains("title=\"Acme&#34; onmouseover=&#34;alert(1)\"");
    }

    @Test
    void keepsTheTextBodyAsTheUserWroteIt() {
        OutgoingMail mail = templates.render(invitation(Map.of("company_name", HOSTILE_COMPANY)));

        assertThat(mail.text()).contains("payments for " + HOSTILE_COMPANY + " on FreightGate");
    }

    @Test
    void encodesTheAmpersandsOfALinkInTheHtmlBody() {
        OutgoingMail mail = templates.render(
                invitation(Map.of("accept_url", "https://app.freightgate.example/invitations?id=1&token=abc")));

        assertThat(mail.html()).contains("href=\"https://app.freightgate.example/invitations?id=1&amp;token=abc\"");
        assertThat(mail.text()).contains("https://app.freightgate.example/invitations?id=1&token=abc");
    }

    @Test
    void refusesALinkThatIsNotAnAbsoluteHttpUrl() {
        for (String link : new String[] {"javascript:alert(1)", "/invitations/1", "data:text/html,<b>x</b>", "nope"}) {
            assertThatThrownBy(() -> templates.render(invitation(Map.of("accept_url", link))))
                    .as(link)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("accept_url");
        }
    }

    @Test
    void refusesAModelWithAMissingOrAnUnusedValue() {
        var missing = new HashMap<>(invitationModel());
        missing.remove("inviter_name");
        var unused = new HashMap<>(invitationModel());
        unused.put("signature", "Bob");

        assertThatThrownBy(
                        () -> templates.render(new Notification("ada@example.com", "Hi", "test-invitation", missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inviter_name");
        assertThatThrownBy(() -> templates.render(new Notification("ada@example.com", "Hi", "test-invitation", unused)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void refusesATemplateThatDoesNotExist() {
        assertThatThrownBy(
                        () -> templates.render(new Notification("ada@example.com", "Hi", "no-such-template", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-template");
    }

    @Test
    void theNoticeTemplateOfThePlatformRenders() {
        OutgoingMail mail = templates.render(new Notification(
                "ada@example.com",
                "Your account is locked",
                "notice",
                Map.of("recipient_name", "Ada <Admin>", "message", "Five failed logins.")));

        assertThat(mail.html()).contains("Hello Ada &lt;Admin&gt;,").contains("Five failed logins.");
        assertThat(mail.text()).startsWith("Hello Ada <Admin>,");
    }

    private static Notification invitation(Map<String, String> overrides) {
        var model = new HashMap<>(invitationModel());
        model.putAll(overrides);
        return new Notification("ada@example.com", "You are invited", "test-invitation", model);
    }

    private static Map<String, String> invitationModel() {
        return Map.of(
                "inviter_name", "Bob Builder",
                "company_name", "Acme Freight",
                "accept_url", "https://app.freightgate.example/invitations/1");
    }
}
