package io.freightgate.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.backoffice.WebBrowser;
import io.freightgate.backoffice.WebUsers;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.security.Logins;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People arrive in a real browser: a platform user opens {@code /}, logs in with password and TOTP through the
 * authorization server and lands on the back office; a carrier admin logs in, opens the enrolment from the carrier's
 * first page, scans nothing but types the code of the secret shown, and is back on the first page with TOTP on. Every
 * page of the application on the way (login, second factor, back office, carrier page, enrolment) passes the page
 * checks: no console error, no CSP violation, no serious or critical axe-core violation.
 */
class PeopleArriveJourneysIT extends BrowserJourney {

    @Autowired
    Logins logins;

    @Autowired
    Clock clock;

    WebUsers users;

    @BeforeEach
    void people() {
        users = new WebUsers(api, callers, logins, clock);
    }

    @Test
    void aPlatformUserLogsInWithPasswordAndTotpAndLandsOnTheBackOffice() {
        var admin = users.person(OrganizationDirectory.PLATFORM, "PLATFORM_ADMIN", true);

        browser.get(origin() + "/");
        awaitPath("/login");
        check("/login (from /)");
        browser.findElement(By.name("username")).sendKeys(admin.email());
        browser.findElement(By.name("password")).sendKeys(WebUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        awaitPath("/login/second-factor");
        check("/login/second-factor");
        browser.findElement(By.name("code"))
                .sendKeys(WebBrowser.code(
                        admin.totpSecret().orElseThrow(), clock.instant().plusSeconds(30)));
        browser.findElement(By.cssSelector("form button[type='submit']")).click();

        awaitPath("/backoffice");
        check("/backoffice");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Back office");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current='page']"))
                        .getText())
                .isEqualTo("Overview");
        assertThat(browser.findElements(By.cssSelector("nav a")))
                .extracting(link -> link.getText())
                .contains("Organizations", "Payment requests");
        screenshot("back-office");

        open("/backoffice/organizations");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Organizations");
    }

    @Test
    void aCarrierAdminEnrolsTotp() {
        var carrier = users.organization("CARRIER", "Enrolling Haulage GmbH");
        var admin = users.person(carrier, "CARRIER_ADMIN", false);

        browser.get(origin() + "/");
        awaitPath("/login");
        browser.findElement(By.name("username")).sendKeys(admin.email());
        browser.findElement(By.name("password")).sendKeys(WebUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        awaitPath("/portal/carrier");
        check("/portal/carrier");
        screenshot("carrier-first-page");

        browser.findElement(By.linkText("Set up two-factor authentication")).click();
        awaitPath("/login/enrolment");
        check("/login/enrolment");
        assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        String secret = browser.findElement(By.id("secret")).getText();
        browser.findElement(By.name("code")).sendKeys(WebBrowser.code(secret, clock.instant()));
        browser.findElement(By.cssSelector("form.stacked button[type='submit']"))
                .click();

        awaitPath("/portal/carrier");
        check("/portal/carrier (enrolled)");
        assertThat(logins.hasSecondFactor(admin.id())).isTrue();

        open("/login/step-up");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm it is you");
    }

    private void awaitPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.urlMatches(
                        "^" + java.util.regex.Pattern.quote(origin() + path) + "(\\?.*)?$"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo(path);
    }
}
