package io.freightgate.browser;

import io.freightgate.platform.web.CspViolations;
import io.freightgate.support.GatewayIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The base of the browser journeys: the whole application on a random port (the same Spring context as every
 * {@link GatewayIT}: embedded PostgreSQL and Redis, the Stripe and VIES emulators) and one headless Chromium per test
 * class ({@link Chromium}; skipped without it, failed in CI). {@link #open} loads a page and checks it
 * ({@link PageChecks}: no console error, no CSP violation, no serious or critical axe-core violation); {@link #check}
 * checks the page the browser shows after a click or a submit. After each test, violation reports that arrived late
 * fail it too.
 *
 * <p>With {@code -Dscreenshots=true}, {@link #screenshot} saves the page as {@code docs/screenshots/<name>.png} (see
 * docs/testing.md); otherwise it does nothing.
 */
public abstract class BrowserJourney extends GatewayIT {

    /** A laptop's window. */
    protected static final Dimension LAPTOP = new Dimension(1280, 900);

    /** A phone's window (an iPhone 14's CSS pixels). */
    protected static final Dimension PHONE = new Dimension(390, 844);

    protected static ChromeDriver browser;

    @Autowired
    protected CspViolations cspViolations;

    protected PageChecks checks;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(LAPTOP.width, LAPTOP.height);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(LAPTOP);
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
        checks = new PageChecks(browser, cspViolations, origin());
    }

    @AfterEach
    void noLateViolationReports() throws InterruptedException {
        if (checks != null) {
            Thread.sleep(200);
            checks.checkReports("Content-Security-Policy violations reported after the test's last check");
        }
    }

    /** {@code http://localhost:<port>}. */
    protected String origin() {
        return "http://localhost:" + port;
    }

    /** Loads {@code pathOrUrl} (a path of the application, or a whole URL) and checks the page. */
    protected void open(String pathOrUrl) {
        browser.get(pathOrUrl.startsWith("http") ? pathOrUrl : origin() + pathOrUrl);
        check(pathOrUrl);
    }

    /** Checks the page the browser shows now. */
    protected void check(String page) {
        checks.check(page);
    }

    /**
     * Empties the console after pages that are not the application's (the emulator's 3-D Secure page, a browser error
     * page): what they logged is not the application's problem. The application's pages before were checked already.
     */
    protected void forgetConsoleOfOtherSites() {
        browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
    }

    /** Waits (up to ten seconds) for an element and returns it. */
    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Resizes the window to a phone's. */
    protected void phone() {
        browser.manage().window().setSize(PHONE);
    }

    /** With {@code -Dscreenshots=true}: the page as docs/screenshots/{@code name}.png, its whole height. */
    protected void screenshot(String name) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        try {
            Path directory = Screenshots.directory();
            Files.createDirectories(directory);
            Dimension window = browser.manage().window().getSize();
            Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage()
                    .window()
                    .setSize(new Dimension(window.width, Math.min(4000, Math.max(window.height, height.intValue()))));
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            browser.manage().window().setSize(window);
            Files.write(directory.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
