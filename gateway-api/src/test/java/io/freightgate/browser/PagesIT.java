package io.freightgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * The named list of pages anyone can open without a login or a valid link, each in a real browser: no console error,
 * no Content-Security-Policy violation, no serious or critical axe-core violation, and a heading that says where one
 * is. The pages behind a valid link (the payment page, the driver page, the local mail viewer with mail in it) are
 * checked by {@link ShipperJourneysIT}; the pages behind a login by the login journeys.
 */
class PagesIT extends BrowserJourney {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/login",
                "/login?logout",
                "/password-reset",
                "/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "/password-reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "/driver/loads/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "/local/mail"
            })
    void passesThePageChecks(String path) {
        open(path);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.getTitle()).endsWith("FreightGate");
    }
}
