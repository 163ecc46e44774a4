package dev.tracks.analysis.api.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver (no browser download): installed by
 * src/test/browser/install-chromium when missing; a machine where that cannot succeed fails the test with the
 * script's message, never skips it. Screenshots go to target/console-screenshots, the tests' artifacts.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private Browser() {
    }

    /** A headless chromium of a phone's or a laptop's width. */
    static ChromeDriver start(int width, int height) throws IOException, InterruptedException {
        install();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        Process install = new ProcessBuilder("sh", Path.of("src/test/browser/install-chromium").toAbsolutePath()
                .toString()).redirectErrorStream(true).start();
        String output = new String(install.getInputStream().readAllBytes());
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0
                || !Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the console's browser tests need Debian's chromium and chromedriver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + "; src/test/browser/install-chromium could not install"
                    + " them:\n" + output);
        }
    }
}
