package io.freightgate.browser;

import static org.awaitility.Awaitility.await;

import io.freightgate.kernel.TenantId;
import io.freightgate.local.EmbeddedSmtpServer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Regenerates the screenshots of the main pages in {@code docs/screenshots/} (docs/testing.md has the command):
 * only with {@code -Dscreenshots=true}, otherwise skipped. Each page passes the page checks before it is taken.
 */
class ScreenshotsIT extends BrowserJourney {

    @Autowired
    Clock clock;

    @Autowired
    EmbeddedSmtpServer smtp;

    @BeforeAll
    static void onlyWhenAskedFor() {
        Assumptions.assumeTrue(
                Boolean.getBoolean("screenshots"), "Screenshots are taken with -Dscreenshots=true (docs/testing.md)");
    }

    @Test
    void mainPages() {
        var fixtures = new Fixtures(api, callers, clock);
        String shipperEmail = Fixtures.email("payables");
        TenantId carrier = fixtures.organization("CARRIER", "Spedition Nord GmbH", Fixtures.email("carrier"));
        TenantId shipper = fixtures.organization("SHIPPER", "Lyon Retail SAS", shipperEmail);
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        JsonNode created = fixtures.paymentRequest(carrier, shipper, 185_000, "LD-2026-0412");
        String payPage = ShipperJourneysIT.link(created);
        String driverPage = fixtures.driverLink(carrier, shipper, "12 Rue de la République, 69002 Lyon, FR");

        open("/login");
        screenshot("login");
        open("/password-reset");
        screenshot("password-reset");
        open(payPage);
        screenshot("pay-page");
        phone();
        open(payPage);
        screenshot("pay-page-phone");
        browser.findElement(By.cssSelector("#card-form button[type='submit']")).click();
        waitFor(By.cssSelector("#status[data-status='PAID']"));
        check("the paid payment page");
        screenshot("pay-page-paid-phone");
        open(driverPage);
        screenshot("driver-page-phone");
        browser.manage().window().setSize(LAPTOP);
        await().atMost(Duration.ofSeconds(15)).until(() -> smtp.receivedMail().stream()
                .anyMatch(mail -> mail.to().equals(shipperEmail)));
        open("/local/mail");
        screenshot("local-mail");
        browser.findElement(By.xpath("//td[text()='" + shipperEmail + "']/following-sibling::td/a"))
                .click();
        check("the payment request mail");
        screenshot("local-mail-payment-request");
    }
}
