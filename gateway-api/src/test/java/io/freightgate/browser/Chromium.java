package io.freightgate.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and its ChromeDriver ({@code apt-get install chromium chromium-driver}, which {@code .ci/run}
 * installs when they are missing), driven by Selenium with both paths set: Selenium Manager never runs and nothing is
 * downloaded. Headless, without the sandbox (CI runs as root) and without {@code /dev/shm} (small in containers); the
 * browser's console is kept ({@code goog:loggingPrefs} browser=ALL) so that the page checks see every error.
 */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Whether both the browser and its driver are installed. */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /**
     * Stops the test class unless Chromium is installed: in CI (the {@code CI} environment variable, which
     * {@code .ci/run} sets) a missing browser fails the run; on a developer's machine the browser tests are skipped
     * with a message that says how to get them.
     */
    public static void require() {
        if (installed()) {
            return;
        }
        String missing = "The browser tests need " + BINARY + " and " + DRIVER
                + " (Debian: sudo apt-get install -y chromium chromium-driver).";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            Assertions.fail(missing + " CI is set: a missing browser fails the run.");
        }
        Assumptions.abort(missing + " Skipped; CI would fail.");
    }

    /** A new headless browser with a window of {@code width} x {@code height} CSS pixels. */
    public static ChromeDriver start(int width, int height) {
        require();
        var options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-search-engine-choice-screen",
                "--force-device-scale-factor=1",
                "--lang=en-US",
                "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
