package no.pogobridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.ConsoleBrowser;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.PosChanges;
import no.pogobridge.support.SharedServer;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator console in a real browser (Debian's headless Chromium, driven by Selenium) against the embedded demo:
 * an operator signs in, completes the mappings, connects a department, reads the ledger calendar and a day's preview,
 * exports a period as a job to the end, replays a changed day, and resends a failed credit order; and a day changed
 * since it was posted is found by the drift watch, shown with its differences and corrected with one click. Those run
 * in English (the browser asks for English); a browser set to Norwegian gets the main flow in Norwegian bokmål, and
 * the header's NO | EN switches the language and keeps it. Skipped, with a message, where Chromium is not installed
 * (.ci/run installs it).
 *
 * <p>The screenshots of README go to {@code target/console-screenshots}; {@code -Dconsole.screenshots=docs} writes
 * them into docs/ instead.
 */
@IntegrationTest
class ConsoleBrowserTest {

    @RegisterExtension
    final ConsoleBrowser console = new ConsoleBrowser();

    @Autowired
    SharedServer server;

    @Autowired
    ProducerTemplate routes;

    @Autowired
    DatabaseServers databases;

    OperatorCalls api;
    JdbcTemplate pos;
    PosChanges posChanges;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        browser = console.driver();
        wait = console.waits();
        api = server.api();
        pos = new JdbcTemplate(databases.embeddedAdminDataSource());
        posChanges = new PosChanges(databases.embeddedAdminDataSource());
    }

    @AfterEach
    void putBackThePosRows() {
        if (posChanges != null) {   // other tests share the demo database
            posChanges.undo();
        }
    }

    @Test
    void anOperatorSignsInMapsConnectsPreviewsExportsReplaysAndResendsAFailedInvoice() throws Exception {
        // the demo month shown: the last month whose days are all closed
        LocalDate lastClosed = pos.queryForObject(
                "SELECT max(business_date) FROM pos.z_reports WHERE department_id = 1", LocalDate.class);
        LocalDate first = lastClosed.plusDays(1).withDayOfMonth(1).minusMonths(1);
        String month = first.toString().substring(0, 7);
        server.mapDemoCatalogue();
        server.app().update("DELETE FROM rounding_mapping");
        prepareTheMonth(first);

        signIn();
        completesTheMappingsInTheForm();
        connectsADepartment();

        // the calendar before any export
        console.go("#/calendar?department=1&month=" + month);
        console.waitForCalendar();
        assertThat(console.state(first)).isEqualTo("locked");
        assertThat(console.state(first.plusDays(1))).isEqualTo("locked");
        assertThat(console.state(first.plusDays(2))).isEqualTo("not-exported");
        assertThat(console.state(first.plusDays(7))).isEqualTo("blocked");
        assertThat(console.state(first.plusDays(11))).isEqualTo("empty");
        assertThat(console.state(first.plusDays(24))).isEqualTo("not-closed");
        readsTheBlockedDayAndThePreviewOfAnother(first);
        staysReadableOnATablet();

        exportsAPeriodAsAJobToTheEnd(first);
        replaysAChangedDay(first);
        screenshots(first);
        resendsAFailedCreditOrder(lastClosed);
        signsOutAndIsSentBackOnA401();
        aViewerSeesEverythingButNothingThatChangesIt(month, first);
    }

    /**
     * A day posted, then a receipt voided in the POS, and a second such day on or before the lock date: after a pass
     * of the drift watch both show as changed since posted, with their differences; the open one is corrected with
     * one click, the locked one says what to book by hand. Automatic correction is then turned on in the form.
     */
    @Test
    void aDayChangedSinceItWasPostedShowsItsDifferencesAndIsCorrectedWithOneClick() throws IOException {
        server.mapDemoCatalogue();
        server.connect(1);
        LocalDate day = DemoPeriod.businessDate(Instant.now()).minusDays(12);
        LocalDate locked = day.minusDays(1);
        OperatorCalls.Reply export = api.post("/api/departments/1/exports?from=" + locked + "&to=" + day, null);
        assertThat(export.json().findValuesAsText("outcome")).as(export.body()).containsOnly("POSTED").hasSize(2);
        long order = posChanges.cardOrderOn(day);
        BigDecimal paid = posChanges.paid(order);
        posChanges.voidOrder(order);
        long lockedOrder = posChanges.cardOrderOn(locked);
        BigDecimal lockedPaid = posChanges.paid(lockedOrder);
        posChanges.voidOrder(lockedOrder);
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(locked);
        JsonNode pass = api.finishedJob(api.post("/api/drift/runs", null));
        assertThat(pass.get("state").asText()).as(pass.toString()).isEqualTo("DONE");
        JsonNode open = api.get("/api/drift").json();
        assertThat(open.findValuesAsText("businessDate")).containsExactly(locked.toString(), day.toString());

        browser.get(console.base());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                .sendKeys(IntegrationTest.OPERATOR_TOKEN, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));

        // the overview lists both; its link opens the day in the calendar
        browser.findElement(By.cssSelector("#nav a[data-section=drift]")).click();
        WebElement list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drift-list")));
        assertThat(list.findElements(By.cssSelector("tbody tr"))).hasSize(2);
        assertThat(list.findElement(By.cssSelector("tr[data-date='" + locked + "']")).getText())
                .contains("book by hand");
        list.findElement(By.cssSelector("tr[data-date='" + day + "'] a")).click();
        console.waitForCalendar();
        console.awaitDayTitle(day);
        assertThat(console.state(day)).isEqualTo("drifted");
        assertThat(console.cell(day).getText()).contains("Changed since posted");
        assertThat(console.state(locked)).isEqualTo("drifted-locked");
        assertThat(console.state(day.plusDays(1))).isNotEqualTo("drifted");
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("Changed since posted")
                .contains("Changed since posted, locked");

        // the differences as the drift watch stored them, the card account down by the voided receipt
        JsonNode differences = open.get(1).get("differences");
        List<WebElement> rows = console.panel().findElements(By.cssSelector("table.differences tbody tr"));
        assertThat(rows).hasSize(differences.size()).hasSizeGreaterThan(1);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode d = differences.get(i);
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-account")).isEqualTo(d.get("account").asText());
            assertThat(amountIn(row, "posted")).isEqualTo(norwegian(d.get("posted").decimalValue()));
            assertThat(amountIn(row, "now")).isEqualTo(norwegian(d.get("now").decimalValue()));
            assertThat(amountIn(row, "difference")).isEqualTo(norwegian(d.get("now").decimalValue()
                    .subtract(d.get("posted").decimalValue())));
        }
        assertThat(amountIn(console.panel().findElement(By.cssSelector("tr[data-account='1550']")), "difference"))
                .isEqualTo(norwegian(paid.negate()));
        console.save(screenshotFolder().resolve("console-drift.png"));

        // a locked day: what to book by hand, and nothing that would try to correct it
        console.openDay(locked);
        assertThat(console.panel().findElements(By.id("correct-day"))).isEmpty();
        assertThat(console.panel().findElements(By.xpath(".//button[normalize-space()='Replay this day']"))).isEmpty();
        assertThat(console.panel().findElement(By.id("drift-by-hand")).getText().replace('\u00a0', ' '))
                .contains("by hand in an open period")
                .contains("Account 1550, VAT 0: credit " + norwegian(lockedPaid));

        console.openDay(day);
        console.panel().findElement(By.id("correct-day")).click();
        await("the day corrected as revision 2").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ledger = api.get("/api/departments/1/exports?from=" + day + "&to=" + day).json();
            assertThat(ledger.findValuesAsText("status")).containsExactly("REVERSED", "POSTED");
            assertThat(ledger.get(1).get("revision").asInt()).isEqualTo(2);
            assertThat(ledger.get(1).get("drift").isNull()).isTrue();
        });
        // the calendar is read again with the day open: corrected, no differences left, the replay's outcome shown
        // a wait of its own: the shared one would keep ignoring stale elements and this message
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .withMessage("the day shown corrected").until(d -> "corrected".equals(console.state(day)));
        console.awaitDayTitle(day);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("correction-result"), "CORRECTED"));
        assertThat(console.panel().findElements(By.cssSelector("table.differences"))).isEmpty();
        assertThat(console.panel().findElements(By.cssSelector(".revisions tbody tr"))).hasSize(2);
        assertThat(console.state(locked)).isEqualTo("drifted-locked");
        assertThat(api.get("/api/drift").json().findValuesAsText("businessDate")).containsExactly(locked.toString());

        turnsOnAutomaticCorrection();
    }

    /**
     * A browser set to Norwegian gets the console in Norwegian bokmål without choosing anything: sign-in, a department
     * connected, a day of the calendar opened and exported, the mappings with a refusal. The server's own texts (the
     * setup check, a refusal's detail) stay as the server sends them.
     */
    @Test
    @ConsoleBrowser.BrowserLanguage("nb-NO,nb")
    void aNorwegianBrowserSignsInConnectsExportsADayAndMapsInNorwegian() throws IOException {
        LocalDate lastClosed = pos.queryForObject(
                "SELECT max(business_date) FROM pos.z_reports WHERE department_id = 1", LocalDate.class);
        LocalDate first = lastClosed.plusDays(1).withDayOfMonth(1).minusMonths(1);
        server.mapDemoCatalogue();

        browser.get(console.base());
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(console.script("return document.documentElement.lang")).isEqualTo("nb");
        assertThat(browser.getTitle()).isEqualTo("Logg inn · pogo-bridge-konsoll");
        assertThat(browser.findElement(By.id("sign-in-title")).getText()).isEqualTo("Logg inn");
        assertThat(browser.findElement(By.id("token-hint")).getText()).contains("Serverens OPERATOR_TOKEN")
                .contains("et VIEWER_TOKEN viser alt og endrer ingenting");
        assertThat(browser.findElement(By.cssSelector("#language button[data-language=nb]"))
                .getAttribute("aria-pressed")).isEqualTo("true");
        token.sendKeys("not-the-token", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"),
                "Serveren godtok ikke dette tokenet."));
        browser.findElement(By.id("token")).sendKeys(IntegrationTest.OPERATOR_TOKEN, Keys.ENTER);

        // departments: the console's words in Norwegian, the server's check as it sends it
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(browser.findElement(By.cssSelector("#view h1")).getText()).isEqualTo("Avdelinger");
        assertThat(browser.findElement(By.id("nav")).getText()).contains("Bokføringskalender")
                .contains("Kontooppsett");
        assertThat(card.getText()).contains("Ikke koblet til").contains("Oppsettskontroll");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#department-1 .check"),
                "not connected to PowerOffice"));
        card.findElement(By.xpath(".//button[normalize-space()='Koble til']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d1-clientKey")))
                .sendKeys(SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0));
        assertThat(browser.findElement(By.id("connection-form-1")).getText())
                .contains("Korriger endrede dager automatisk").contains("Salgsdagen starter kl.");
        browser.findElement(By.cssSelector("#connection-form-1 button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#department-1"),
                "Koblet til Demo Restaurantdrift AS"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#department-1 .check"),
                "Klar: ingenting står i veien"));
        assertThat(browser.findElement(By.cssSelector("#department-1 .auto-export")).getText()).isEqualTo("Av");

        // the calendar: names of the month and the days in Norwegian, numbers as always
        console.go("#/calendar?department=1&month=" + first.toString().substring(0, 7));
        console.waitForCalendar();
        assertThat(browser.getTitle()).isEqualTo("Bokføringskalender · pogo-bridge-konsoll");
        assertThat(browser.findElement(By.id("month-title")).getText())
                .isEqualTo(NORWEGIAN_MONTHS.get(first.getMonthValue() - 1) + " " + first.getYear());
        assertThat(browser.findElements(By.cssSelector("#calendar thead th")).stream().map(WebElement::getText))
                .containsExactly("man", "tir", "ons", "tor", "fre", "lør", "søn");
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("Bokført")
                .contains("Endret etter bokføring").contains("Endret etter bokføring, låst")
                .contains("Ikke overført");
        LocalDate day = first.plusDays(6);
        assertThat(console.state(day)).isEqualTo("not-exported");
        assertThat(console.cell(day).getText()).contains("Ikke overført");
        console.openDay(day);
        assertThat(browser.findElement(By.id("day-title")).getText()).isEqualTo(
                NORWEGIAN_WEEKDAYS.get(day.getDayOfWeek().getValue() - 1) + " "
                + day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertThat(console.panel().getText()).contains("Forhåndsvisning av bilaget").contains("Z-rapport")
                .contains("Debet = kredit").contains("Ikke overført");
        console.panel().findElement(By.xpath(".//button[normalize-space()='Overfør denne dagen']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("job-box"), "data-state", "DONE"));
        assertThat(browser.findElement(By.cssSelector("#job-box .job-text")).getText())
                .isEqualTo("Overføringen er ferdig: 1 bokført.");
        assertThat(console.outcome(day)).isEqualTo("Bokført");
        assertThat(browser.findElement(By.cssSelector("#job-box caption")).getText()).isEqualTo("Utfall per dag");
        console.refreshCalendar();
        assertThat(console.state(day)).isEqualTo("posted");
        long voucher = api.get("/api/departments/1/exports?from=" + day + "&to=" + day).json().get(0)
                .get("voucherNo").asLong();
        assertThat(console.cell(day).getText()).contains("Bokført").contains("Nr. " + voucher);
        console.openDay(day);
        assertThat(console.panel().findElement(By.cssSelector(".revisions tbody tr")).getText()).contains("Bokført")
                .contains("Vedlagt i PowerOffice");
        assertThat(console.panel().findElement(By.id("day-report-pdf")).getText()).isEqualTo("Dagsrapport (PDF)");
        assertThat(console.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the longer Norwegian words fit too").isEqualTo(true);
        console.save(screenshotFolder().resolve("console-norsk.png"));

        // the mappings: picked from PowerOffice's lists in Norwegian words, a rate with a decimal comma; a number no
        // connected client has refused by the field, nothing sent; the count of what was saved in Norwegian
        console.go("#/mappings");
        WebElement rounding = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rounding-account")));
        assertThat(browser.findElement(By.cssSelector("#view h1")).getText()).isEqualTo("Kontooppsett");
        assertThat(browser.findElement(By.id("missing")).getText()).isEqualTo("Alt er satt opp.");
        assertThat(browser.findElement(By.id("mappings-form")).getText()).contains("Betalingsmåter")
                .contains("Mva-koder").contains("Øreavrunding");
        assertThat(browser.findElements(By.id("picker-note"))).as("a department is connected").isEmpty();
        WebElement vat = browser.findElement(By.id("vat-code-1-powerOfficeVatCode"));
        String vatCode = vat.getAttribute("value");
        vat.clear();
        vat.sendKeys("utgående mva, råfisk");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#vat-code-1-powerOfficeVatCode-options [role=option]"))).getText()
                .replace('\u00a0', ' ')).isEqualTo("32 Utgående mva, råfisk 11,11 %");
        vat.sendKeys(Keys.ESCAPE);
        vat.clear();
        vat.sendKeys(vatCode, Keys.ESCAPE);
        String account = rounding.getAttribute("value");
        rounding.clear();
        rounding.sendKeys("12", Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rounding-account-error"),
                "Ingen tilkoblet PowerOffice-klient har konto 12."));
        browser.findElement(By.id("save-mappings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".save-status"),
                "Ett felt er avvist: se meldingen ved feltet. Ingenting ble sendt."));
        rounding.clear();
        rounding.sendKeys("7740".equals(account) ? "7770" : "7740", Keys.TAB);
        browser.findElement(By.id("save-mappings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".save-status"), "1 lagret."));
        assertThat(console.script("return localStorage.getItem('pogo.language')")).as("nothing chosen").isNull();
    }

    /**
     * The clearing accounts in Norwegian: three card days posted, the first paid out in full, the second short by
     * the acquirer's 1.75 % and the third left open. The page shows the chart first (one line per clearing account),
     * the open day with its amount, overdue after more than 5 days, and the short day's fee as not booked; once the
     * open day is paid out too, Sjekk nå runs the check as a job and the page, read again, has no open card day left.
     */
    @Test
    @ConsoleBrowser.BrowserLanguage("nb-NO,nb")
    void theClearingAccountsShowTheirOpenBalanceAsAChartAndTheOpenAndShortPaidDaysUnderIt() throws IOException {
        server.mapDemoCatalogue();
        server.connect(1);
        LocalDate base = DemoPeriod.businessDate(Instant.now()).minusDays(15);
        LocalDate paid = base;
        LocalDate shortDay = base.plusDays(1);
        LocalDate open = base.plusDays(2);
        OperatorCalls.Reply export = api.post("/api/departments/1/exports?from=" + base + "&to=" + open, null);
        assertThat(export.json().findValuesAsText("outcome")).as(export.body()).containsOnly("POSTED").hasSize(3);
        JsonNode before = api.get("/api/departments/1/clearing").json();
        BigDecimal fee = booked(before, shortDay).multiply(new BigDecimal("0.0175"))
                .setScale(2, RoundingMode.HALF_EVEN);
        payout(open, booked(before, paid));
        payout(open.plusDays(1), booked(before, shortDay).subtract(fee));
        JsonNode accounts = api.get("/api/departments/1/clearing").json();
        assertThat(accounts.size()).isGreaterThan(1);

        browser.get(console.base());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                .sendKeys(IntegrationTest.OPERATOR_TOKEN, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        browser.findElement(By.cssSelector("#nav a[data-section=clearing]")).click();
        WebElement chart = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clearing-chart")));
        assertThat(browser.findElement(By.cssSelector("#nav a[data-section=clearing]")).getText())
                .isEqualTo("Oppgjørskontoer");
        assertThat(browser.getCurrentUrl()).contains("#/clearing");

        // the picture first: one line per account, named in the legend, the whole of it said in words
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.findElements(By.cssSelector(".series"))).hasSize(accounts.size());
        assertThat(chart.findElements(By.cssSelector(".series")).stream().map(e -> e.getAttribute("data-account")))
                .containsExactlyElementsOf(accounts.findValuesAsText("account"));
        String summary = (String) console.script(
                "return document.getElementById('clearing-chart-title').textContent");
        assertThat(summary.replace('\u00a0', ' ')).startsWith("Åpen saldo per oppgjørskonto")
                .contains("1550 Bankkort " + norwegian(card(accounts).get("openBalance").decimalValue()));
        assertThat(browser.findElement(By.cssSelector(".chart-legend")).getText()).contains("1550 Bankkort");
        assertThat(chart.findElements(By.cssSelector(".amount-axis text")).stream()
                .map(e -> (String) console.script("return arguments[0].textContent", e)))
                .allSatisfy(label -> assertThat(label.replace('\u00a0', ' '))
                        .matches("-?\\d{1,3}( \\d{3})*,\\d{2}"));
        assertThat(chart.findElements(By.cssSelector(".date-axis text")).stream()
                .map(e -> (String) console.script("return arguments[0].textContent", e)))
                .allSatisfy(label -> assertThat(label).matches("\\d{2}\\.\\d{2}\\.\\d{4}"));
        // the picture above the days
        assertThat(console.script("return (document.getElementById('clearing-chart').compareDocumentPosition("
                + "document.getElementById('account-1550')) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"))
                .isEqualTo(true);

        WebElement cardAccount = browser.findElement(By.id("account-1550"));
        assertThat(cardAccount.findElement(By.cssSelector("h2")).getText()).isEqualTo("Konto 1550 Bankkort");
        assertThat(cardAccount.findElement(By.cssSelector(".open-balance")).getText().replace('\u00a0', ' '))
                .isEqualTo(norwegian(booked(accounts, open)));
        assertThat(cardAccount.findElement(By.cssSelector(".unbooked-fees")).getText().replace('\u00a0', ' '))
                .isEqualTo(norwegian(fee));
        assertThat(cardAccount.findElement(By.cssSelector(".oldest-open")).getText())
                .startsWith(open.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        List<WebElement> openDays = cardAccount.findElements(By.cssSelector("table.open-days tbody tr"));
        assertThat(openDays).hasSize(1);
        WebElement openDay = openDays.get(0);
        assertThat(openDay.getAttribute("data-date")).isEqualTo(open.toString());
        assertThat(amountIn(openDay, "open")).isEqualTo(norwegian(booked(accounts, open)));
        assertThat(openDay.getText()).contains("Forfalt: mer enn 5 dager");
        List<WebElement> shortDays = cardAccount.findElements(By.cssSelector("table.short-paid tbody tr"));
        assertThat(shortDays).hasSize(1);
        assertThat(shortDays.get(0).getAttribute("data-date")).isEqualTo(shortDay.toString());
        assertThat(amountIn(shortDays.get(0), "fee")).startsWith(norwegian(fee)).contains("(1,75 %)");
        assertThat(shortDays.get(0).getText()).contains("Gebyr ikke bokført");
        assertThat(cardAccount.findElements(By.cssSelector("tr[data-date='" + paid + "']"))).as("paid in full")
                .isEmpty();
        Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(1280, 1900));   // the chart and the card account's days
        try {
            console.save(screenshotFolder().resolve("console-clearing.png"));
        } finally {
            browser.manage().window().setSize(laptop);
        }

        // the open day paid out as well: Sjekk nå, and the page's data read again
        payout(open.plusDays(2), booked(accounts, open));
        browser.findElement(By.id("run-clearing-check")).click();
        wait.until(d -> d.findElement(By.id("clearing-job-box")).getAttribute("data-job-id") != null);
        wait.until(ExpectedConditions.attributeToBe(By.id("clearing-job-box"), "data-state", "DONE"));
        assertThat(browser.findElement(By.cssSelector("#clearing-job-box .job-text")).getText())
                .startsWith("Sjekken er ferdig. Avdelinger lest: 1; forfalte dager: ");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account-1550 .no-open-days")));
        assertThat(browser.findElement(By.cssSelector("#account-1550 .open-balance")).getText()).isEqualTo("0,00");
        assertThat(browser.findElements(By.cssSelector("#account-1550 table.short-paid tbody tr"))).hasSize(1);
    }

    private static JsonNode card(JsonNode accounts) {
        for (JsonNode account : accounts) {
            if (account.get("account").asInt() == 1550) {
                return account;
            }
        }
        throw new AssertionError("no card clearing account in " + accounts);
    }

    /** What the day booked to the card clearing account 1550. */
    private static BigDecimal booked(JsonNode accounts, LocalDate day) {
        for (JsonNode d : card(accounts).get("days")) {
            if (d.get("businessDate").asText().equals(day.toString())) {
                return d.get("booked").decimalValue();
            }
        }
        throw new AssertionError("no day " + day + " on account 1550 in " + accounts);
    }

    /** An acquirer's payout of the card account, booked in the sandbox as the bank's import books it. */
    private void payout(LocalDate date, BigDecimal amount) {
        OperatorCalls.Reply reply = api.post("/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/payouts",
                "{\"date\":\"" + date + "\",\"clearingAccount\":1550,\"bankAccount\":1920,\"amount\":"
                        + amount.toPlainString() + ",\"fee\":null,\"departmentCode\":\"10\","
                        + "\"description\":\"Nets oppgjør\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    /**
     * NO | EN in the header: the sign-in page and the section shown are said again in the language chosen, with no
     * reload and still signed in (the calendar's open day stays open), and the choice holds after a reload.
     */
    @Test
    void theLanguageIsSwitchedInTheHeaderAndRememberedAfterAReload() {
        browser.get(console.base());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(console.script("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("sign-in-title")).getText()).isEqualTo("Sign in");
        console.chooseLanguage("nb");
        assertThat(browser.findElement(By.id("sign-in-title")).getText()).isEqualTo("Logg inn");
        assertThat(browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).getText())
                .isEqualTo("Logg inn");
        assertThat(console.script("return localStorage.getItem('pogo.language')")).isEqualTo("nb");
        browser.findElement(By.id("token")).sendKeys(IntegrationTest.OPERATOR_TOKEN, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(browser.findElement(By.cssSelector("#view h1")).getText()).isEqualTo("Avdelinger");

        console.go("#/calendar?department=1");
        console.waitForCalendar();
        WebElement firstDay = browser.findElement(By.cssSelector("#calendar td button"));
        LocalDate day = LocalDate.parse(firstDay.findElement(By.xpath("..")).getAttribute("data-date"));
        console.openDay(day);
        console.script("window.sameDocument = true");
        console.chooseLanguage("en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Ledger calendar"));
        console.awaitDayTitle(day);
        assertThat(browser.findElement(By.id("day-title")).getText()).startsWith(
                day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        assertThat(console.script("return window.sameDocument")).as("no reload").isEqualTo(true);
        assertThat(console.session("pogo.operatorToken")).isEqualTo(IntegrationTest.OPERATOR_TOKEN);
        assertThat(browser.findElement(By.id("nav")).getText()).contains("Departments").contains("Mappings");
        assertThat(browser.findElement(By.cssSelector("#language button[data-language=en]"))
                .getAttribute("aria-pressed")).isEqualTo("true");

        console.chooseLanguage("nb");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#view h1"), "Bokføringskalender"));
        browser.navigate().refresh();
        console.waitForCalendar();
        assertThat(browser.findElement(By.cssSelector("#view h1")).getText()).isEqualTo("Bokføringskalender");
        assertThat(console.script("return document.documentElement.lang")).isEqualTo("nb");
        assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).as("still signed in").isFalse();
        assertThat(browser.findElement(By.cssSelector("#language button[data-language=nb]"))
                .getAttribute("aria-pressed")).isEqualTo("true");

        // the sign-in page's message is said again in the other language too
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.textToBe(By.id("sign-in-error"), "Du er logget ut."));
        console.chooseLanguage("en");
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).isEqualTo("You are signed out.");
        assertThat(browser.findElement(By.id("sign-in-title")).getText()).isEqualTo("Sign in");
        assertThat(browser.getTitle()).isEqualTo("Sign in · pogo-bridge console");
    }

    private static final List<String> NORWEGIAN_MONTHS = List.of("januar", "februar", "mars", "april", "mai", "juni",
            "juli", "august", "september", "oktober", "november", "desember");
    private static final List<String> NORWEGIAN_WEEKDAYS = List.of("mandag", "tirsdag", "onsdag", "torsdag",
            "fredag", "lørdag", "søndag");

    private String amountIn(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText().replace('\u00a0', ' ');
    }

    private void turnsOnAutomaticCorrection() {
        browser.findElement(By.cssSelector("#nav a[data-section=departments]")).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(card.findElement(By.cssSelector(".auto-correct")).getText()).isEqualTo("Off");
        card.findElement(By.xpath(".//button[normalize-space()='Change connection']")).click();
        WebElement autoCorrect = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d1-autoCorrect")));
        assertThat(autoCorrect.isSelected()).isFalse();
        autoCorrect.click();
        browser.findElement(By.id("d1-clientKey")).sendKeys(SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0));
        browser.findElement(By.cssSelector("#connection-form-1 button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#department-1 .auto-correct"),
                "On"));
        assertThat(api.get("/api/departments").json().get(0).get("connection").get("autoCorrect").asBoolean())
                .isTrue();
    }

    /** Lock date, a blocked day, an empty day and a day without Z-report inside the month. */
    private void prepareTheMonth(LocalDate first) {
        server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(first.plusDays(1));
        insertOrder(920000001L, first.plusDays(7), "90.00");
        assertThat(posChanges.voidDay(first.plusDays(11))).isPositive();
        posChanges.reopenDay(first.plusDays(24));
    }

    /** A one-line order of 100.00 paid by card at noon; a payment other than the lines breaks the POS invariant. */
    private void insertOrder(long id, LocalDate day, String paid) {
        posChanges.add(id, id - 828000000L, DemoPeriod.dayStart(day).plus(Duration.ofHours(7)), "100.00", paid);
    }

    /**
     * The rounding account picked from PowerOffice's list: typing part of the name filters the accounts of both
     * connected clients, the option names the client that lacks the account, and the pick is saved.
     */
    @Test
    void anAccountIsPickedFromPowerOfficesList() throws IOException {
        server.mapDemoCatalogue();
        server.app().update("DELETE FROM rounding_mapping");
        connectTheKioskWithoutTheRoundingAccount();

        signIn();
        console.go("#/mappings");
        WebElement rounding = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rounding-account")));
        rounding.sendKeys("avrund");
        WebElement option = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#rounding-account-options [role=option]")));
        assertThat(browser.findElements(By.cssSelector("#rounding-account-options [role=option]")))
                .as("only what matches the typing").hasSize(1);
        assertThat(option.getText()).startsWith("7740 Øreavrunding")
                .contains("7740 missing in client Kiosk Uten Faktura AS (department 3)");
        console.save(screenshotFolder().resolve("console-picker.png"));
        option.click();
        assertThat(rounding.getAttribute("value")).isEqualTo("7740");
        assertThat(browser.findElement(By.id("rounding-account-picked")).getText()).contains("Øreavrunding")
                .contains("missing in client Kiosk Uten Faktura AS");
        assertThat(browser.findElement(By.id("rounding-account-options")).isDisplayed()).isFalse();

        // by keyboard: a VAT code found by its name, with its rate, taken with Enter (which sends nothing)
        WebElement vat = browser.findElement(By.id("vat-code-1-powerOfficeVatCode"));
        vat.clear();
        vat.sendKeys("utgående mva, høy");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#vat-code-1-powerOfficeVatCode-options [role=option]"))).getText()
                .replace('\u00a0', ' ')).isEqualTo("3 Utgående mva, høy sats 25 %");
        vat.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(vat.getAttribute("value")).isEqualTo("3");
        assertThat(browser.findElement(By.id("vat-code-1-powerOfficeVatCode-picked")).getText().replace('\u00a0', ' '))
                .isEqualTo("Utgående mva, høy sats 25 %");
        assertThat(browser.findElement(By.cssSelector("#mappings-form .save-status")).getText()).isEmpty();

        browser.findElement(By.id("save-mappings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missing"), "Everything is mapped"));
        assertThat(api.get("/api/mappings").json().get("rounding").get("account").asInt()).isEqualTo(7740);
    }

    /** A typed number no connected client has is refused by the field, with the reason, and nothing is sent. */
    @Test
    void aTypedAccountNoConnectedClientHasIsRefusedByTheField() {
        server.mapDemoCatalogue();
        connectTheKioskWithoutTheRoundingAccount();

        signIn();
        console.go("#/mappings");
        WebElement rounding = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rounding-account")));
        rounding.clear();
        rounding.sendKeys("7999", Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rounding-account-error"),
                "No connected PowerOffice client has account 7999"));
        assertThat(rounding.getAttribute("aria-invalid")).isEqualTo("true");
        browser.findElement(By.id("save-mappings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mappings-form .save-status"),
                "Nothing was sent"));
        assertThat(console.script("return document.getElementById('rounding-account').validity.customError"))
                .isEqualTo(true);
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class))
                .isEqualTo(7740);

        // typed, not picked: a number a client has is taken as it is, and the refusal goes
        rounding.clear();
        rounding.sendKeys("7770");
        assertThat(browser.findElement(By.id("rounding-account-error")).getText()).isEmpty();
        assertThat(rounding.getAttribute("aria-invalid")).isNull();
        assertThat(browser.findElement(By.id("rounding-account-picked")).getText()).isEqualTo("Bank- og kortgebyrer");
        rounding.sendKeys(Keys.TAB);
        browser.findElement(By.id("save-mappings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#mappings-form .save-status"),
                "1 saved"));
        assertThat(server.app().queryForObject("SELECT account FROM rounding_mapping", Integer.class))
                .isEqualTo(7770);
    }

    /** Department 1 on the demo client, department 3 on the kiosk's, whose chart lacks the rounding account 7740. */
    private void connectTheKioskWithoutTheRoundingAccount() {
        server.connect(1);
        OperatorCalls.Reply kiosk = api.put("/api/departments/3/connection", "{\"clientKey\":\""
                + SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0) + "\",\"applicationKeySlot\":0}");
        assertThat(kiosk.status()).as(kiosk.body()).isEqualTo(200);
        assertThat(api.send("DELETE", "/sandbox/admin/clients/" + SandboxWorld.NO_INVOICING_CLIENT
                + "/accounts/7740", null).status()).isEqualTo(204);
    }

    private void signIn() {
        browser.get(console.base());
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys("not-the-token", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "did not accept"));
        assertThat(console.session("pogo.operatorToken")).as("a refused token is not kept").isNull();

        browser.findElement(By.id("token")).sendKeys(IntegrationTest.OPERATOR_TOKEN);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(console.session("pogo.operatorToken")).isEqualTo(IntegrationTest.OPERATOR_TOKEN);
        assertThat(console.script("return window.localStorage.length")).isEqualTo(0L);
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(browser.getCurrentUrl()).doesNotContain(IntegrationTest.OPERATOR_TOKEN);
    }

    private void completesTheMappingsInTheForm() {
        browser.findElement(By.cssSelector("#nav a[data-section=mappings]")).click();
        WebElement rounding = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rounding-account")));
        assertThat(browser.findElement(By.id("missing")).getText()).contains("The rounding account is not set");
        assertThat(browser.findElement(By.id("rounding")).getText()).contains("Missing");
        assertThat(browser.findElement(By.id("picker-note")).getText())
                .startsWith("No department is connected to PowerOffice yet, so there are no lists to pick from");

        rounding.sendKeys("12");
        browser.findElement(By.id("save-mappings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rounding-account-error"),
                "account must be an account number from 1000 to 99999, was 12"));
        assertThat(rounding.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("missing")).getText()).contains("The rounding account is not set");

        rounding.clear();
        rounding.sendKeys("7740");
        browser.findElement(By.id("save-mappings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("missing"), "Everything is mapped"));
        assertThat(browser.findElement(By.id("rounding-account-error")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("rounding")).getText()).doesNotContain("Missing");
        assertThat(api.get("/api/mappings").json().get("rounding").get("account").asInt()).isEqualTo(7740);
    }

    private void connectsADepartment() {
        browser.findElement(By.cssSelector("#nav a[data-section=departments]")).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(card.getText()).contains("Not connected");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#department-1 .check"),
                "not connected to PowerOffice"));
        card.findElement(By.xpath(".//button[normalize-space()='Connect']")).click();
        WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("d1-clientKey")));
        key.sendKeys("not-a-key");
        browser.findElement(By.id("d1-powerOfficeDepartmentCode")).sendKeys("10");
        browser.findElement(By.cssSelector("#connection-form-1 button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d1-clientKey-error"), "not a GUID"));

        key.clear();
        key.sendKeys(SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0));
        browser.findElement(By.cssSelector("#connection-form-1 button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#department-1"),
                "Connected to Demo Restaurantdrift AS"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#department-1 .check"),
                "Ready: nothing stands between"));
        assertThat(browser.findElement(By.cssSelector("#department-1 .check")).getText()).contains("locked up to");
        assertThat(browser.findElement(By.cssSelector("#department-1 .auto-export")).getText()).isEqualTo("Off");
        assertThat(api.get("/api/departments").json().get(0).get("connection").get("clientKey").asText())
                .startsWith("****");
    }

    private void readsTheBlockedDayAndThePreviewOfAnother(LocalDate first) {
        console.openDay(first.plusDays(7));
        assertThat(console.panel().getText()).contains("Blocked").contains("break the POS invariant")
                .contains("920000001");

        // by keyboard: focus a day, Enter opens it and the focus moves to the day
        LocalDate day = first.plusDays(6);
        WebElement button = console.dayButton(day);
        console.script("arguments[0].focus()", button);
        button.sendKeys(Keys.ENTER);
        console.awaitDayTitle(day);
        assertThat(console.script("return document.activeElement.id")).isEqualTo("day-title");
        JsonNode preview = api.get("/api/departments/1/vouchers/preview?from=" + day + "&to=" + day).json().get(0);
        List<WebElement> rows = console.panel().findElements(By.cssSelector("table.lines tbody tr"));
        assertThat(rows).hasSize(preview.get("lines").size()).hasSizeGreaterThan(3);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode line = preview.get("lines").get(i);
            String shown = rows.get(i).findElement(By.cssSelector("td.amount")).getText().replace('\u00a0', ' ');
            assertThat(shown).matches("-?\\d{1,3}( \\d{3})*,\\d{2}").isEqualTo(norwegian(line.get("amount")
                    .decimalValue()));
            assertThat(rows.get(i).getText()).contains(line.get("account").asText());
        }
        assertThat(console.panel().getText()).contains("Z-report " + preview.get("zNumber").asInt())
                .contains("Not yet exported");
        if (!preview.get("tips").isEmpty()) {
            assertThat(console.panel().getText()).contains("Tips to book by hand");
        }
    }

    private void staysReadableOnATablet() {
        Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(820, 1180));
        try {
            wait.until(d -> (Boolean) console.script(
                    "return document.documentElement.scrollWidth <= window.innerWidth"));
            assertThat(browser.findElement(By.id("calendar")).getSize().getWidth()).isGreaterThan(600);
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    private void exportsAPeriodAsAJobToTheEnd(LocalDate first) {
        LocalDate from = first.plusDays(2);
        LocalDate to = first.plusDays(19);
        console.setValue("period-from", from.toString());
        console.setValue("period-to", to.toString());
        // PowerOffice answers the first voucher with a 500: that day's outcome is not known and it shows as failed
        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "Vouchers/CashJournals"));
        browser.findElement(By.id("export-period")).click();
        WebElement progress = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-box progress")));
        // the bar shows at once; the job's id once the server has answered 202
        wait.until(d -> d.findElement(By.id("job-box")).getAttribute("data-job-id") != null);
        assertThat(browser.findElement(By.id("job-box")).getAttribute("data-job-id")).isNotBlank();
        wait.until(ExpectedConditions.attributeToBe(By.id("job-box"), "data-state", "DONE"));
        assertThat(progress.getAttribute("max")).isEqualTo("18");
        assertThat(progress.getAttribute("value")).isEqualTo("18");
        assertThat(browser.findElement(By.cssSelector("#job-box .job-text")).getText())
                .startsWith("Export done:").contains("15 posted").contains("1 failed").contains("1 blocked")
                .contains("1 empty");
        assertThat(console.outcome(from)).isEqualTo("FAILED");
        assertThat(console.outcome(first.plusDays(3))).isEqualTo("POSTED");
        assertThat(console.outcome(first.plusDays(7))).isEqualTo("BLOCKED");
        assertThat(console.outcome(first.plusDays(11))).isEqualTo("EMPTY");

        console.refreshCalendar();
        assertThat(console.state(from)).isEqualTo("failed");
        assertThat(console.state(first.plusDays(3))).isEqualTo("posted");
        JsonNode ledger = api.get("/api/departments/1/exports?from=" + first.plusDays(3) + "&to="
                + first.plusDays(3)).json().get(0);
        assertThat(console.cell(first.plusDays(3)).getText()).contains("No. " + ledger.get("voucherNo").asLong());
        assertThat(console.state(first.plusDays(20))).isEqualTo("not-exported");
    }

    private void replaysAChangedDay(LocalDate first) {
        LocalDate day = first.plusDays(14);
        insertOrder(920000002L, day, "100.00");
        console.openDay(day);
        console.panel().findElement(By.xpath(".//button[normalize-space()='Replay this day']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("job-box"), "data-state", "DONE"));
        assertThat(console.outcome(day)).isEqualTo("CORRECTED");
        console.refreshCalendar();
        assertThat(console.state(day)).isEqualTo("corrected");
        console.openDay(day);
        List<WebElement> revisions = console.panel().findElements(By.cssSelector(".revisions tbody tr"));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).getText()).contains("REVERSED").contains("Attached in PowerOffice");
        assertThat(revisions.get(1).getText()).contains("POSTED").contains("Attached in PowerOffice");
        // the day's report opens as a PDF in a new tab, fetched with the token (never put into a URL)
        String calendar = browser.getWindowHandle();
        WebElement report = console.panel().findElement(By.id("day-report-pdf"));
        assertThat(report.getText()).isEqualTo("Day's report (PDF)");
        report.click();
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        String tab = browser.getWindowHandles().stream().filter(w -> !w.equals(calendar)).findFirst().orElseThrow();
        browser.switchTo().window(tab);
        wait.until(d -> d.getCurrentUrl().startsWith("blob:"));
        browser.close();
        browser.switchTo().window(calendar);
    }

    private static Path screenshotFolder() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("console.screenshots",
                "target/console-screenshots")));
    }

    private void screenshots(LocalDate first) throws IOException {
        Path folder = screenshotFolder();
        browser.findElement(By.cssSelector("#day-panel .close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("day-panel")));
        for (String s : List.of("posted", "corrected", "failed", "blocked", "locked", "not-closed", "empty",
                "not-exported")) {
            assertThat(browser.findElements(By.cssSelector("#calendar td[data-state=" + s + "]"))).as(s).isNotEmpty();
        }
        console.save(folder.resolve("console-calendar.png"));
        console.openDay(first.plusDays(6));
        console.save(folder.resolve("console-day.png"));
    }

    private void resendsAFailedCreditOrder(LocalDate lastClosed) {
        LocalDate from = lastClosed.minusDays(10);
        server.connectInvoicing(2, from);
        JsonNode powerOfficeCustomers = api.get("/api/poweroffice/customers?department=2").json();
        for (int customer = 2; customer <= 8; customer++) {
            long id = powerOfficeCustomers.get((customer - 1) % powerOfficeCustomers.size()).get("id").asLong();
            assertThat(api.put("/api/customers/" + customer + "/link", "{\"powerOfficeCustomerId\":" + id + "}")
                    .status()).isEqualTo(200);
        }
        browser.findElement(By.cssSelector("#nav a[data-section=invoices]")).click();
        WebElement customer1 = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#customer-links tr[data-customer-id='1']")));
        assertThat(customer1.getText()).contains("Not connected");
        new Select(customer1.findElement(By.id("link-1"))).selectByVisibleText("Fjordkraft Catering AS (10001)");
        customer1.findElement(By.xpath(".//button[normalize-space()='Link']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(customer1, "Connected"));
        assertThat(api.get("/api/customers/1").json().get("status").asText()).isEqualTo("CONNECTED");

        server.faults().inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "SalesOrders"));
        routes.requestBody("direct:poll-credit-orders", (Object) "poll");
        JsonNode failed = api.get("/api/credit-orders?status=FAILED").json();
        assertThat(failed).hasSize(1);
        long orderId = failed.get(0).get("orderId").asLong();

        new Select(browser.findElement(By.id("order-status"))).selectByVisibleText("Failed");
        browser.findElement(By.xpath("//form[@aria-label='Filter credit orders']//button")).click();
        wait.until(ExpectedConditions.urlContains("status=FAILED"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#credit-orders tbody tr"), 1));
        WebElement row = browser.findElement(By.cssSelector("#credit-orders tr[data-order-id='" + orderId + "']"));
        assertThat(row.getText().replace('\u00a0', ' ')).contains("Failed").contains("500")
                .contains(norwegian(failed.get(0).get("total").decimalValue()));
        row.findElement(By.cssSelector("button.resend")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(row, "Sent"));
        JsonNode invoice = api.get("/api/orders/" + orderId + "/invoice").json();
        assertThat(invoice.get("invoiceStatus").asText()).isEqualTo("SENT");
        assertThat(row.getText()).contains("Order " + invoice.get("powerOfficeOrderNo").asLong());
        assertThat(row.findElements(By.cssSelector("button.resend"))).isEmpty();
    }

    private void signsOutAndIsSentBackOnA401() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(console.session("pogo.operatorToken")).isNull();
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();

        // a token the server no longer accepts: the next call sends the user back to sign-in
        console.script("sessionStorage.setItem('pogo.operatorToken', 'a-token-that-was-changed')");
        console.go("#/mappings");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "did not accept"));
        assertThat(console.session("pogo.operatorToken")).isNull();
    }

    /** VIEWER_TOKEN: the same pages, without a button or form that would change anything (the server says 403). */
    private void aViewerSeesEverythingButNothingThatChangesIt(String month, LocalDate first) {
        browser.findElement(By.id("token")).sendKeys(IntegrationTest.VIEWER_TOKEN, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
        console.go("#/departments");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("read-only")).getText()).contains("Read only");
        for (WebElement write : browser.findElements(By.cssSelector("#department-1 [data-writes]"))) {
            assertThat(write.isDisplayed()).as(write.getText()).isFalse();
        }

        console.go("#/calendar?department=1&month=" + month);
        console.waitForCalendar();
        assertThat(console.state(first.plusDays(2))).as("the ledger reads as for the operator").isNotBlank();
        assertThat(browser.findElement(By.id("export-period")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("replay-period")).isDisplayed()).isFalse();
        console.openDay(first.plusDays(2));
        assertThat(console.panel().findElements(By.xpath(".//button[contains(., 'Export this day')]")))
                .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());

        console.go("#/mappings");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-mappings")));
        assertThat(browser.findElement(By.id("save-mappings")).isDisplayed()).isFalse();

        console.go("#/invoices");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".section-invoices")));
        assertThat(browser.findElements(By.cssSelector("button.resend")))
                .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(console.session("pogo.role")).isNull();
        assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isFalse();
    }

    /** 12345.67 as 12 345,67 (plain spaces: Selenium reads the page's no-break spaces as spaces). */
    static String norwegian(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat("#,##0.00", symbols).format(amount);
    }
}
