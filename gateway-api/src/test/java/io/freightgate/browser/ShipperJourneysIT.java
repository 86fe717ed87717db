package io.freightgate.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.param.ChargeListParams;
import io.freightgate.emulator.stripe.StripeEmulator;
import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A shipper's journeys in a real browser: the hosted payment page on a phone, paid with a 3-D Secure card through the
 * Stripe emulator's bank page and back; and names and texts that carry markup ({@code <script>} and an
 * {@code onerror} image) shown as text, never run, on every page that shows them (the payment page, the payment
 * request mail in local mode's viewer, the driver page). Every page of the application the browser opens passes the
 * page checks (console, CSP reports, axe-core).
 */
class ShipperJourneysIT extends BrowserJourney {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";

    @Autowired
    StripeClient stripe;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    StripeEmulator emulator;

    @Autowired
    Clock clock;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(api, callers, clock);
    }

    @Test
    void aShipperPaysOnAPhoneWithA3DSecureCardThroughTheBanksPage() {
        TenantId carrier = fixtures.organization("CARRIER", "Spedition Nord GmbH", Fixtures.email("carrier"));
        TenantId shipper = fixtures.organization("SHIPPER", "Lyon Retail SAS", Fixtures.email("shipper"));
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        JsonNode created = fixtures.paymentRequest(carrier, shipper, 185_000, "LD-2026-0412");
        String requestId = created.get("payment_request").get("id").asString();

        phone();
        open(link(created));

        assertThat(browser.findElement(By.cssSelector(".pay-summary__amount")).getText())
                .isEqualTo("1850.00 EUR");
        assertThat(browser.findElement(By.id("carrier")).getText()).isEqualTo("Spedition Nord GmbH");
        assertThat(browser.findElement(By.id("load-reference")).getText()).isEqualTo("LD-2026-0412");
        assertThat(browser.findElement(By.id("status")).getDomAttribute("data-status"))
                .isEqualTo("OPEN");
        assertThat((Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone's screen")
                .isTrue();

        WebElement cardForm = browser.findElement(By.id("card-form"));
        // The first-party device fingerprint collector ran under the page's strict policy and filled the form's field.
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(driver -> !cardForm.findElement(By.name("device_fingerprint"))
                        .getDomProperty("value")
                        .isEmpty());
        assertThat(cardForm.findElement(By.name("device_fingerprint")).getDomProperty("value"))
                .contains("ua=")
                .contains("scr=")
                .contains("tz=")
                .contains("cv=");
        cardForm.findElement(By.cssSelector("input[value='pm_card_threeDSecure2Required']"))
                .click();
        cardForm.findElement(By.cssSelector("button[type='submit']")).click();

        // The emulator's bank page (not FreightGate's: not checked), then back to the payment page.
        waitFor(By.id("complete"));
        assertThat(browser.getCurrentUrl()).contains("/_emulator/3ds/");
        browser.findElement(By.id("complete")).click();
        // The bank sends the browser to the configured payment page address, http://localhost:8080 in tests, where
        // nothing listens: the journey follows that address on the gateway's random port.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().contains("/complete"));
        URI back = URI.create(browser.getCurrentUrl());
        assertThat(back.getPath()).isEqualTo(link(created) + "/complete");
        forgetConsoleOfOtherSites();
        browser.get(origin() + back.getRawPath());
        waitFor(By.cssSelector("#status[data-status='PAID']"));
        check("the payment page after 3-D Secure");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Paid");
        assertThat(browser.findElements(By.id("card-form"))).isEmpty();

        assertThat(api.get("/api/v1/payment-requests/" + requestId)
                        .token(callers.of(carrier, Role.CARRIER_FINANCE))
                        .send()
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("PAID");
        assertThat(systemAccess.transaction(
                        Reach.acrossTenants("test reads the payment's fraud decision"),
                        "test",
                        () -> jdbc.queryForList(
                                "SELECT d.device FROM fraud_decisions d JOIN fraud_device_sightings s"
                                        + " ON s.device_id = d.device AND s.organization_id = d.shipper_id"
                                        + " WHERE d.payment_request_id = ?::uuid AND d.stage = 'BEFORE_CONFIRMATION'",
                                String.class,
                                requestId)))
                .as("the server kept the device, as its keyed hash, linked to the shipper")
                .singleElement()
                .asString()
                .matches("dev_[0-9a-f]{32}");
        List<Charge> charges = chargesOf(requestId);
        assertThat(charges).hasSize(1);
        Charge charge = charges.getFirst();
        assertThat(charge.getAmount()).isEqualTo(185_000L);
        assertThat(charge.getCurrency()).isEqualTo("eur");
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("3220");
        assertThat(charge.getPaymentMethodDetails().getCard().getThreeDSecure().getResult())
                .isEqualTo("authenticated");
    }

    @Test
    void aDirectDebitShowsItsProgressAndThePageFollowsItToPaidWithoutAReload() {
        TenantId carrier = fixtures.organization("CARRIER", "Transports Rhone SARL", Fixtures.email("carrier"));
        TenantId shipper = fixtures.organization("SHIPPER", "Berlin Moebel GmbH", Fixtures.email("shipper"));
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        JsonNode created = fixtures.paymentRequest(carrier, shipper, 98_000, "LD-2026-0907");

        phone();
        open(link(created));
        WebElement form = browser.findElement(By.id("sepa-form"));
        form.findElement(By.name("account_holder")).sendKeys("Berlin Moebel GmbH");
        form.findElement(By.name("email")).sendKeys("ap@berlin-moebel.test");
        form.findElement(By.name("iban")).sendKeys("DE89 3704 0044 0532 0130 00");
        form.findElement(By.name("mandate_accepted")).click();
        form.findElement(By.cssSelector("button[type='submit']")).click();

        waitFor(By.cssSelector("#status[data-status='PAYMENT_PENDING']"));
        check("the payment page while a direct debit processes");
        assertThat(browser.findElement(By.id("status")).getText()).contains("direct debit is processing");
        browser.executeScript("document.body.setAttribute('data-loaded-once', 'yes')");

        emulator.control().advanceClock(Duration.ofSeconds(11));

        // htmx polls the status line; once the debit has settled it reloads the page, which shows the outcome.
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(By.cssSelector("#status[data-status='PAID']"))
                        .isEmpty());
        check("the payment page after the direct debit settled");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Paid");
        assertThat(browser.findElements(By.id("sepa-form"))).isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-loaded-once"))
                .as("the payer did not reload: htmx did")
                .isNull();
        assertThat(browser.getCurrentUrl()).endsWith(link(created));
    }

    @Test
    void namesWithMarkupShowAsTextOnEveryPageThatShowsThem() {
        String carrierName = "Carrier " + SCRIPT + " " + IMAGE;
        String shipperName = "Shipper " + SCRIPT + " " + IMAGE;
        String shipperEmail = Fixtures.email("shipper");
        TenantId carrier = fixtures.organization("CARRIER", carrierName, Fixtures.email("carrier"));
        TenantId shipper = fixtures.organization("SHIPPER", shipperName, shipperEmail);
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        String reference = "LD " + SCRIPT;
        JsonNode created = fixtures.paymentRequest(carrier, shipper, 42_000, reference);

        // The payment page.
        open(link(created));
        assertNoAlert();
        assertThat(browser.findElement(By.id("carrier")).getText()).isEqualTo(carrierName);
        assertThat(browser.findElement(By.id("load-reference")).getText()).isEqualTo(reference);
        assertThat(browser.getTitle()).contains(reference);
        assertThat(browser.findElements(By.cssSelector("main img, main script:not([src='/js/device.js'])")))
                .as("no markup from names; the only script is the device fingerprint collector")
                .isEmpty();

        // The payment request mail, in local mode's mail viewer: the list, the mail, its HTML body.
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedMail().stream()
                .anyMatch(mail -> mail.to().equals(shipperEmail)));
        int number = mailNumber(shipperEmail);
        open("/local/mail");
        assertNoAlert();
        assertThat(browser.findElement(By.tagName("table")).getText()).contains(shipperEmail);
        open("/local/mail/" + number);
        assertNoAlert();
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains(carrierName);
        assertThat(browser.findElements(By.cssSelector("main img, main script")))
                .isEmpty();
        browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.mail-body")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(carrierName);
        assertThat(browser.findElements(By.cssSelector("img[src='x'], script"))).isEmpty();
        browser.switchTo().defaultContent();
        check("the mail page with the framed HTML body");

        // The driver page: the delivery address, free text of the carrier's dispatcher.
        String address = "Quai " + SCRIPT + " " + IMAGE + ", 69002 Lyon, FR";
        String driverLink = fixtures.driverLink(carrier, shipper, address);
        open(driverLink);
        assertNoAlert();
        assertThat(browser.findElement(By.id("delivery-address")).getText()).isEqualTo(address);
        assertThat(browser.findElements(By.cssSelector("main img, main script")))
                .isEmpty();
    }

    @Test
    void theShippersPagesWithoutAValidLinkSayWhatToDo() {
        open("/pay/" + "A".repeat(43));
        assertThat(browser.findElement(By.id("invalid")).getText()).contains("ask the carrier");
        open("/driver/loads/" + "A".repeat(43));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ask your dispatcher");
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert())
                .as("no script of a name ran")
                .isInstanceOf(NoAlertPresentException.class);
    }

    /** The payment page's path: the issuer in tests is http://localhost:8080; the gateway listens elsewhere. */
    static String link(JsonNode created) {
        return URI.create(created.get("payment_page_url").asString()).getRawPath();
    }

    private int mailNumber(String to) {
        var received = smtp.receivedMail();
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).to().equals(to)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("No mail to " + to);
    }

    private List<Charge> chargesOf(String requestId) {
        try {
            return stripe.v1()
                    .charges()
                    .list(ChargeListParams.builder()
                            .setTransferGroup("payment_request_" + requestId)
                            .build())
                    .getData();
        } catch (StripeException e) {
            throw new IllegalStateException(e);
        }
    }
}
