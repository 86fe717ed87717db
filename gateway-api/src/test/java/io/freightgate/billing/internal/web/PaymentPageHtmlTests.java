package io.freightgate.billing.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.billing.PaymentAttemptView;
import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.billing.PaymentRequestView;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class PaymentPageHtmlTests {

    private static final String XSS = "<img src=x onerror=alert(1)>\"'&";

    private final PaymentPageHtml pages = new PaymentPageHtml(templateEngine());

    /** The application's templates, as Spring Boot resolves them. */
    static SpringTemplateEngine templateEngine() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private String render(PaymentPageHtml.Page page) {
        return pages.page(page, new MockHttpServletRequest(), new MockHttpServletResponse());
    }

    @Test
    void encodesEveryUserStringOnThePage() {
        String html = render(page(request(PaymentRequestStatus.OPEN, "EUR", List.of()), XSS));

        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    }

    @Test
    void anAuthorizationHeldForConfirmationDoesNotPromiseACaptureOnDeliveryNorSayWhy() {
        String text = PaymentPageHtml.statusText(request(PaymentRequestStatus.AUTHORIZED, "EUR", List.of()));

        assertThat(text).contains("being confirmed").doesNotContain("delivered").doesNotContainIgnoringCase("review");
    }

    @Test
    void offersTestCardsAndNoScriptButTheDeviceCollectorWithoutAPublishableKey() {
        String html = render(page(request(PaymentRequestStatus.OPEN, "EUR", List.of()), "Carrier"));

        assertThat(html)
                .contains("value=\"pm_card_visa\" checked=\"checked\"")
                .doesNotContain("js.stripe.com")
                .doesNotContain("card.js");
        assertThat(html.split("<script", -1))
                .as("the only script: the first-party device fingerprint collector")
                .hasSize(2);
        assertThat(html).contains("<script src=\"/js/device.js\" defer></script>");
        assertThat(html.split("name=\"device_fingerprint\"", -1))
                .as("in the card and the SEPA form")
                .hasSize(3);
        assertThat(html).contains("id=\"sepa-form\"").contains("8 weeks");
    }

    @Test
    void mountsStripeElementsWithAPublishableKeyAndOffersNoTestCard() {
        var page = new PaymentPageHtml.Page(
                "t".repeat(43),
                request(PaymentRequestStatus.OPEN, "EUR", List.of()),
                "Carrier",
                Optional.empty(),
                PaymentPage.cardForm("pk_test_123abc"));

        String html = render(page);

        assertThat(html)
                .contains("data-publishable-key=\"pk_test_123abc\"")
                .contains("https://js.stripe.com/v3/")
                .doesNotContain("pm_card_visa");
    }

    @Test
    void onlyAPublishableKeySwitchesToStripeJs() {
        assertThat(PaymentPage.cardForm("")).isInstanceOf(PaymentPageHtml.TestCards.class);
        assertThat(PaymentPage.cardForm("sk_live_secret")).isInstanceOf(PaymentPageHtml.TestCards.class);
        assertThat(PaymentPage.cardForm("pk_live_abc")).isInstanceOf(PaymentPageHtml.StripeElements.class);
    }

    @Test
    void offersDirectDebitForEuroRequestsOnly() {
        String html = render(page(request(PaymentRequestStatus.OPEN, "USD", List.of()), "Carrier"));

        assertThat(html).contains("id=\"card-form\"").doesNotContain("id=\"sepa-form\"");
    }

    @Test
    void paidCancelledAndPendingRequestsShowNoForm() {
        for (var status : List.of(
                PaymentRequestStatus.PAID,
                PaymentRequestStatus.CANCELED,
                PaymentRequestStatus.PAYMENT_PENDING,
                PaymentRequestStatus.AUTHORIZED,
                PaymentRequestStatus.REFUNDED,
                PaymentRequestStatus.DISPUTED)) {
            String html = render(page(request(status, "EUR", List.of()), "Carrier"));
            assertThat(html).as(status.name()).doesNotContain("<form");
        }
        assertThat(PaymentPageHtml.payable(PaymentRequestStatus.OVERDUE)).isTrue();
    }

    @Test
    void aDeclinedLastAttemptIsExplainedWithStripesCode() {
        var declined = new PaymentAttemptView(
                PaymentAttemptId.random(),
                PaymentRequestId.random(),
                1,
                "CARD",
                "DECLINED",
                Optional.of("requires_payment_method"),
                Optional.of("pi_1"),
                Optional.empty(),
                Optional.of("insufficient_funds"),
                Optional.of("Your card has insufficient funds."),
                Instant.EPOCH);

        assertThat(PaymentPageHtml.lastOutcome(request(PaymentRequestStatus.OPEN, "EUR", List.of(declined))))
                .hasValueSatisfying(text -> assertThat(text).contains("declined (insufficient_funds)"));
        assertThat(PaymentPageHtml.lastOutcome(request(PaymentRequestStatus.OPEN, "EUR", List.of())))
                .isEmpty();
    }

    @Test
    void theSepaFormNeedsTheMandateAndAPlausibleIban() {
        assertThat(PaymentPage.SepaDebitForm.problem("DE89370400440532013000", "A", "a@b.test", null))
                .hasValueSatisfying(p -> assertThat(p).contains("mandate"));
        assertThat(PaymentPage.SepaDebitForm.problem("not an iban", "A", "a@b.test", "true"))
                .hasValueSatisfying(p -> assertThat(p).contains("IBAN"));
        assertThat(PaymentPage.SepaDebitForm.problem("DE89370400440532013000", " ", "a@b.test", "true"))
                .isPresent();
        assertThat(PaymentPage.SepaDebitForm.problem("de89 3704 0044 0532 0130 00", "A", "a@b.test", "true"))
                .isEmpty();
        assertThat(PaymentPage.SepaDebitForm.normalizedIban("de89 3704 0044 0532 0130 00"))
                .isEqualTo("DE89370400440532013000");
    }

    @Test
    void theContentSecurityPolicyAllowsStripeOnlyInStripeJsModeAndTheBankPageAsAFormTarget() {
        String local =
                PaymentPageSecurity.contentSecurityPolicy(new PaymentPageHtml.TestCards(), "http://127.0.0.1:12111/v1");
        String stripe = PaymentPageSecurity.contentSecurityPolicy(
                new PaymentPageHtml.StripeElements("pk_live_abc"), "https://api.stripe.com");

        assertThat(local)
                .contains("script-src 'self';")
                .contains("form-action 'self' http://127.0.0.1:12111;")
                .doesNotContain("js.stripe.com");
        assertThat(stripe)
                .contains("script-src 'self' https://js.stripe.com;")
                .contains("frame-src https://js.stripe.com")
                .contains("form-action 'self' https://*.stripe.com;")
                .doesNotContain("unsafe-eval");
    }

    private static PaymentPageHtml.Page page(PaymentRequestView request, String carrier) {
        return new PaymentPageHtml.Page(
                "t".repeat(43), request, carrier, Optional.empty(), new PaymentPageHtml.TestCards());
    }

    private static PaymentRequestView request(
            PaymentRequestStatus status, String currency, List<PaymentAttemptView> attempts) {
        return new PaymentRequestView(
                PaymentRequestId.random(),
                new TenantId(UUID.randomUUID()),
                new TenantId(UUID.randomUUID()),
                status,
                Money.of(125_000, currency),
                Money.of(0, currency),
                Money.of(0, currency),
                XSS,
                Optional.empty(),
                XSS,
                XSS,
                LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 20),
                Optional.of(XSS),
                Optional.of(XSS),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                attempts,
                List.of(),
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
