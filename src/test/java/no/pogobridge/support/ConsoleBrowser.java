package no.pogobridge.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The operator console of the shared server in a real browser: Debian's headless Chromium, driven by Selenium, one
 * fresh profile per test. Registered with {@code @RegisterExtension} in an {@link IntegrationTest}; where Chromium is
 * not installed the test is skipped with a message (.ci/run installs it). Besides the driver it knows the console's
 * pages as an operator reads them: the hash routes, the ledger calendar, a day's panel, the job box.
 *
 * <p>The browser asks for English pages (Accept-Language, navigator.languages), so the console starts in English;
 * a test annotated {@link BrowserLanguage} gets a browser set to that language instead.
 */
public final class ConsoleBrowser implements BeforeEachCallback, AfterEachCallback {

    /** The languages the browser asks for, as Chromium's intl.accept_languages ("nb-NO,nb"); "en-US,en" if absent. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface BrowserLanguage {
        String value();
    }

    /** Debian's packages chromium and chromium-driver; -Dconsole.chromium=…, -Dconsole.chromedriver=… elsewhere. */
    private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private int port;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium is not installed ("
                + CHROMIUM + ", " + CHROMEDRIVER + "): the console's browser test is skipped. Install it with "
                + "'apt-get install -y chromium chromium-driver' (.ci/run does).");
        port = SpringExtension.getApplicationContext(context).getBean(SharedServer.class).port();
        profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000");
        String languages = context.getTestMethod().map(m -> m.getAnnotation(BrowserLanguage.class))
                .map(BrowserLanguage::value).orElse("en-US,en");
        options.addArguments("--lang=" + languages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        // the driver path is given, so Selenium never looks for (or downloads) a driver of its own
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profile = null;
        }
    }

    public ChromeDriver driver() {
        return browser;
    }

    /** Waits of up to 30 s for what the page shows after a call to the server. */
    public WebDriverWait waits() {
        return wait;
    }

    /** The console's address on the shared server. */
    public String base() {
        return "http://localhost:" + port + "/";
    }

    public void go(String hash) {
        script("location.hash = arguments[0]", hash);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    public String session(String key) {
        return (String) script("return sessionStorage.getItem(arguments[0])", key);
    }

    public void setValue(String id, String value) {
        script("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** Follows the job's link back to the calendar and waits for the new one (not the old one still shown). */
    public void refreshCalendar() {
        WebElement old = browser.findElement(By.id("calendar"));
        browser.findElement(By.id("show-new-outcomes")).click();
        wait.until(ExpectedConditions.stalenessOf(old));
        waitForCalendar();
    }

    public void waitForCalendar() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar")));
    }

    public WebElement cell(LocalDate day) {
        return browser.findElement(By.cssSelector("#calendar td[data-date='" + day + "']"));
    }

    /** The calendar's state of a day (posted, failed, locked, …). */
    public String state(LocalDate day) {
        return cell(day).getAttribute("data-state");
    }

    public WebElement dayButton(LocalDate day) {
        return cell(day).findElement(By.tagName("button"));
    }

    public void openDay(LocalDate day) {
        dayButton(day).click();
        awaitDayTitle(day);
    }

    public void awaitDayTitle(LocalDate day) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("day-title"),
                day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
    }

    public WebElement panel() {
        return browser.findElement(By.id("day-panel"));
    }

    /** A day's outcome in the job box of the export or replay just run. */
    public String outcome(LocalDate day) {
        return browser.findElement(By.cssSelector("#job-box tr[data-date='" + day + "'] .outcome")).getText();
    }

    /** Chooses a language ('nb' or 'en') with the header's NO | EN switch. */
    public void chooseLanguage(String language) {
        browser.findElement(By.cssSelector("#language button[data-language='" + language + "']")).click();
        wait.until(d -> language.equals(script("return document.documentElement.lang")));
    }

    public void save(Path file) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }
}
