package org.livechatcontract.server.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver, both named by path so that Selenium
 * never downloads a browser or a driver. Where they are missing the test is skipped, except in CI
 * ({@code CI} set), where {@code .ci/run} installs them and their absence is a failure.
 */
public final class Chromium {
  public static final String BROWSER = "/usr/bin/chromium";
  public static final String DRIVER = "/usr/bin/chromedriver";

  private Chromium() {}

  public static ChromeDriver start() throws IOException {
    boolean present = Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
    if (!present && System.getenv("CI") != null) {
      throw new AssertionError(BROWSER + " and " + DRIVER + " are required in CI (.ci/run installs chromium chromium-driver)");
    }
    Assumptions.assumeTrue(present, "needs Debian's chromium and chromium-driver");
    Path profile = Files.createTempDirectory("chromium-profile");
    profile.toFile().deleteOnExit();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,2000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
