package no.pogobridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.pogobridge.database.DatabaseServers;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.DemoSetup;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator console in a real browser (Debian's headless Chromium, driven by Selenium) against the embedded demo:
 * an operator signs in, completes the mappings, connects a department, reads the ledger calendar and a day's preview,
 * exports a period as a job to the end, replays a changed day, and resends a failed credit order. Skipped, with a
 * message, where Chromium is not installed (.ci/run installs it).
 *
 * <p>The screenshots of README go to {@code target/console-screenshots}; {@code -Dconsole.screenshots=docs} writes
 * them into docs/ instead.
 */
@IntegrationTest
class ConsoleBrowserTest {

    /** Debian's packages chromium and chromium-driver; -Dconsole.chromium=… and -Dconsole.chromedriver=… elsewhere. */
    private static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate app;

    @Autowired
    SandboxWorld sandbox;

    @Autowired
    PowerOfficeDirectory directory;

    @Autowired
    SandboxFaults faults;

    @Autowired
    SandboxRequestLog requests;

    @Autowired
    ProducerTemplate routes;

    @Autowired
    DatabaseServers databases;

    OperatorCalls api;
    JdbcTemplate pos;
    ChromeDriver browser;
    WebDriverWait wait;
    Path profile;

    /** POS rows this test changes, put back afterwards: other tests share the demo database. */
    final List<Long> voidedOrders = new ArrayList<>();
    Map<String, Object> removedZReport;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium is not installed ("
                + CHROMIUM + ", " + CHROMEDRIVER + "): the console's browser test is skipped. Install it with "
                + "'apt-get install -y chromium chromium-driver' (.ci/run does).");
        DemoSetup.clear(app);
        sandbox.reset();
        directory.forgetAll();
        faults.clear();
        requests.clear();
        api = new OperatorCalls(port);
        pos = new JdbcTemplate(databases.embeddedAdminDataSource());

        profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000");
        // the driver path is given, so Selenium never looks for (or downloads) a driver of its own
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        if (pos == null) {
            return;
        }
        faults.clear();
        pos.update("DELETE FROM pos.payments WHERE order_id IN (920000001, 920000002)");
        pos.update("DELETE FROM pos.order_lines WHERE order_id IN (920000001, 920000002)");
        pos.update("DELETE FROM pos.orders WHERE id IN (920000001, 920000002)");
        for (Long id : voidedOrders) {
            pos.update("UPDATE pos.orders SET status = 'PAID' WHERE id = ?", id);
        }
        if (removedZReport != null) {
            pos.update("INSERT INTO pos.z_reports (department_id, business_date, z_number, closed_at) "
                    + "VALUES (?, ?, ?, ?)", removedZReport.get("department_id"), removedZReport.get("business_date"),
                    removedZReport.get("z_number"), removedZReport.get("closed_at"));
        }
    }

    @Test
    void anOperatorSignsInMapsConnectsPreviewsExportsReplaysAndResendsAFailedInvoice() throws Exception {
        // the demo month shown: the last month whose days are all closed
        LocalDate lastClosed = pos.queryForObject(
                "SELECT max(business_date) FROM pos.z_reports WHERE department_id = 1", LocalDate.class);
        LocalDate first = lastClosed.plusDays(1).withDayOfMonth(1).minusMonths(1);
        String month = first.toString().substring(0, 7);
        DemoSetup.mapEverything(api);
        app.update("DELETE FROM rounding_mapping");
        prepareTheMonth(first);

        signIn();
        checksTheFormatsAndColourRulesInTheBrowser();
        completesTheMappingsInTheForm();
        connectsADepartment();

        // the calendar before any export
        go("#/calendar?department=1&month=" + month);
        waitForCalendar();
        assertThat(state(first)).isEqualTo("locked");
        assertThat(state(first.plusDays(1))).isEqualTo("locked");
        assertThat(state(first.plusDays(2))).isEqualTo("not-exported");
        assertThat(state(first.plusDays(7))).isEqualTo("blocked");
        assertThat(state(first.plusDays(11))).isEqualTo("empty");
        assertThat(state(first.plusDays(24))).isEqualTo("not-closed");
        readsTheBlockedDayAndThePreviewOfAnother(first);
        staysReadableOnATablet();

        exportsAPeriodAsAJobToTheEnd(first);
        replaysAChangedDay(first);
        screenshots(first);
        resendsAFailedCreditOrder(lastClosed);
        signsOutAndIsSentBackOnA401();
        aViewerSeesEverythingButNothingThatChangesIt(month, first);
    }

    /** Lock date, a blocked day, an empty day and a day without Z-report inside the month. */
    private void prepareTheMonth(LocalDate first) {
        sandbox.client(SandboxWorld.DEMO_CLIENT).orElseThrow().setLockDate(first.plusDays(1));
        insertOrder(920000001L, first.plusDays(7), new BigDecimal("100.00"), new BigDecimal("90.00"));
        LocalDate empty = first.plusDays(11);
        voidedOrders.addAll(pos.queryForList("UPDATE pos.orders SET status = 'VOIDED' WHERE department_id = 1 "
                + "AND status = 'PAID' AND paid_at >= ? AND paid_at < ? RETURNING id", Long.class,
                Timestamp.from(DemoPeriod.dayStart(empty)), Timestamp.from(DemoPeriod.dayStart(empty.plusDays(1)))));
        assertThat(voidedOrders).isNotEmpty();
        LocalDate open = first.plusDays(24);
        removedZReport = pos.queryForMap("SELECT * FROM pos.z_reports WHERE department_id = 1 AND business_date = ?",
                open);
        pos.update("DELETE FROM pos.z_reports WHERE department_id = 1 AND business_date = ?", open);
    }

    /** A one-line order of 100.00 paid by card at noon; a payment other than the lines breaks the POS invariant. */
    private void insertOrder(long id, LocalDate day, BigDecimal lines, BigDecimal paid) {
        Timestamp noon = Timestamp.from(DemoPeriod.dayStart(day).plus(Duration.ofHours(7)));
        pos.update("INSERT INTO pos.orders (id, department_id, order_number, status, customer_id, created_at, paid_at, "
                + "rounding, refund_of_order_id, updated_at) VALUES (?, 1, ?, 'PAID', NULL, ?, ?, 0, NULL, ?)",
                id, id - 828000000L, noon, noon, noon);
        pos.update("INSERT INTO pos.order_lines (id, order_id, product_type_id, vat_code_id, description, quantity, "
                + "unit_price, discount, amount) VALUES (?, ?, 1, 1, 'Testrett', 1, ?, 0, ?)", id, id, lines, lines);
        pos.update("INSERT INTO pos.payments (id, order_id, payment_type_id, amount, tip, paid_at) "
                + "VALUES (?, ?, 2, ?, 0, ?)", id, id, paid, noon);
    }

    private void signIn() {
        browser.get(base());
        WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        token.sendKeys("not-the-token", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "did not accept"));
        assertThat(session("pogo.operatorToken")).as("a refused token is not kept").isNull();

        browser.findElement(By.id("token")).sendKeys(IntegrationTest.OPERATOR_TOKEN);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(session("pogo.operatorToken")).isEqualTo(IntegrationTest.OPERATOR_TOKEN);
        assertThat(script("return window.localStorage.length")).isEqualTo(0L);
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(browser.getCurrentUrl()).doesNotContain(IntegrationTest.OPERATOR_TOKEN);
    }

    /** The pure modules of the page (amounts, the calendar's colour rules), run in the browser itself. */
    @SuppressWarnings("unchecked")
    private void checksTheFormatsAndColourRulesInTheBrowser() {
        Map<String, Object> r = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/js/format.js'), import('/js/day-status.js')]).then(([f, d]) => {
                  const today = '2026-10-20', lockDate = '2026-10-02';
                  const preview = (closed, problems, lines) => ({ closed, problems, lines });
                  const line = [{ account: 3000, amount: -100 }];
                  done({
                    amounts: [f.amount(12345.67), f.amount(-1234567.5), f.amount(0), f.amount('0.10'),
                      f.amount(1000000), f.amount(null), f.amount(0.005)].join('|'),
                    sum: f.sum([0.1, 0.2, -0.3, 1234.56]),
                    states: [
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'POSTED' }], today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'REVERSED' },
                        { revision: 2, status: 'POSTED' }], today, lockDate }),
                      d.dayState('2026-10-01', { revisions: [{ revision: 1, status: 'POSTED' }], today, lockDate }),
                      d.dayState('2026-10-01', { revisions: [{ revision: 1, status: 'FAILED' }], today, lockDate }),
                      d.dayState('2026-10-01', { preview: preview(true, [], line), today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'SENDING' }],
                        preview: preview(true, [], line), today, lockDate }),
                      d.dayState('2026-10-05', { revisions: [{ revision: 1, status: 'POSTED' },
                        { revision: 2, status: 'REVERSED' }], today }),
                      d.dayState('2026-10-05', { preview: preview(false, [], []), today, lockDate }),
                      d.dayState('2026-10-05', { preview: preview(true, ['x'], line), today, lockDate }),
                      d.dayState('2026-10-05', { preview: preview(true, [], []), today, lockDate }),
                      d.dayState('2026-10-05', { preview: preview(true, [], line), today, lockDate }),
                      d.dayState('2026-10-05', { today, lockDate }),
                      d.dayState('2026-10-21', { preview: preview(true, [], line), today, lockDate }),
                    ].join(' '),
                  });
                }).catch(e => done({ error: String(e) }));""");
        assertThat(r.get("error")).isNull();
        assertThat(((String) r.get("amounts")).replace('\u00a0', ' '))
                .isEqualTo("12 345,67|-1 234 567,50|0,00|0,10|1 000 000,00||0,01");
        assertThat(((Number) r.get("sum")).doubleValue()).isEqualTo(1234.56);
        assertThat(r.get("states")).isEqualTo("posted corrected posted locked locked failed failed not-closed "
                + "blocked empty not-exported unknown future");
    }

    private void completesTheMappingsInTheForm() {
        browser.findElement(By.cssSelector("#nav a[data-section=mappings]")).click();
        WebElement rounding = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rounding-account")));
        assertThat(browser.findElement(By.id("missing")).getText()).contains("The rounding account is not set");
        assertThat(browser.findElement(By.id("rounding")).getText()).contains("Missing");

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
        openDay(first.plusDays(7));
        assertThat(panel().getText()).contains("Blocked").contains("break the POS invariant").contains("920000001");

        // by keyboard: focus a day, Enter opens it and the focus moves to the day
        LocalDate day = first.plusDays(6);
        WebElement button = dayButton(day);
        script("arguments[0].focus()", button);
        button.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("day-title"),
                day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
        assertThat(script("return document.activeElement.id")).isEqualTo("day-title");
        JsonNode preview = api.get("/api/departments/1/vouchers/preview?from=" + day + "&to=" + day).json().get(0);
        List<WebElement> rows = panel().findElements(By.cssSelector("table.lines tbody tr"));
        assertThat(rows).hasSize(preview.get("lines").size()).hasSizeGreaterThan(3);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode line = preview.get("lines").get(i);
            String shown = rows.get(i).findElement(By.cssSelector("td.amount")).getText().replace('\u00a0', ' ');
            assertThat(shown).matches("-?\\d{1,3}( \\d{3})*,\\d{2}").isEqualTo(norwegian(line.get("amount")
                    .decimalValue()));
            assertThat(rows.get(i).getText()).contains(line.get("account").asText());
        }
        assertThat(panel().getText()).contains("Z-report " + preview.get("zNumber").asInt())
                .contains("Not yet exported");
        if (!preview.get("tips").isEmpty()) {
            assertThat(panel().getText()).contains("Tips to book by hand");
        }
    }

    private void staysReadableOnATablet() {
        Dimension laptop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(820, 1180));
        try {
            wait.until(d -> (Boolean) script("return document.documentElement.scrollWidth <= window.innerWidth"));
            assertThat(browser.findElement(By.id("calendar")).getSize().getWidth()).isGreaterThan(600);
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    private void exportsAPeriodAsAJobToTheEnd(LocalDate first) {
        LocalDate from = first.plusDays(2);
        LocalDate to = first.plusDays(19);
        setValue("period-from", from.toString());
        setValue("period-to", to.toString());
        // PowerOffice answers the first voucher with a 500: that day's outcome is not known and it shows as failed
        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "Vouchers/CashJournals"));
        browser.findElement(By.id("export-period")).click();
        WebElement progress = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-box progress")));
        assertThat(browser.findElement(By.id("job-box")).getAttribute("data-job-id")).isNotBlank();
        wait.until(ExpectedConditions.attributeToBe(By.id("job-box"), "data-state", "DONE"));
        assertThat(progress.getAttribute("max")).isEqualTo("18");
        assertThat(progress.getAttribute("value")).isEqualTo("18");
        assertThat(browser.findElement(By.cssSelector("#job-box .job-text")).getText())
                .startsWith("Export done:").contains("15 posted").contains("1 failed").contains("1 blocked")
                .contains("1 empty");
        assertThat(outcome(from)).isEqualTo("FAILED");
        assertThat(outcome(first.plusDays(3))).isEqualTo("POSTED");
        assertThat(outcome(first.plusDays(7))).isEqualTo("BLOCKED");
        assertThat(outcome(first.plusDays(11))).isEqualTo("EMPTY");

        refreshCalendar();
        assertThat(state(from)).isEqualTo("failed");
        assertThat(state(first.plusDays(3))).isEqualTo("posted");
        JsonNode ledger = api.get("/api/departments/1/exports?from=" + first.plusDays(3) + "&to="
                + first.plusDays(3)).json().get(0);
        assertThat(cell(first.plusDays(3)).getText()).contains("No. " + ledger.get("voucherNo").asLong());
        assertThat(state(first.plusDays(20))).isEqualTo("not-exported");
    }

    private void replaysAChangedDay(LocalDate first) {
        LocalDate day = first.plusDays(14);
        insertOrder(920000002L, day, new BigDecimal("100.00"), new BigDecimal("100.00"));
        openDay(day);
        panel().findElement(By.xpath(".//button[normalize-space()='Replay this day']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("job-box"), "data-state", "DONE"));
        assertThat(outcome(day)).isEqualTo("CORRECTED");
        refreshCalendar();
        assertThat(state(day)).isEqualTo("corrected");
        openDay(day);
        List<WebElement> revisions = panel().findElements(By.cssSelector(".revisions tbody tr"));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).getText()).contains("REVERSED");
        assertThat(revisions.get(1).getText()).contains("POSTED");
    }

    private void screenshots(LocalDate first) throws IOException {
        Path folder = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
        Files.createDirectories(folder);
        browser.findElement(By.cssSelector("#day-panel .close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("day-panel")));
        for (String s : List.of("posted", "corrected", "failed", "blocked", "locked", "not-closed", "empty",
                "not-exported")) {
            assertThat(browser.findElements(By.cssSelector("#calendar td[data-state=" + s + "]"))).as(s).isNotEmpty();
        }
        save(folder.resolve("console-calendar.png"));
        openDay(first.plusDays(6));
        save(folder.resolve("console-day.png"));
    }

    private void resendsAFailedCreditOrder(LocalDate lastClosed) {
        LocalDate from = lastClosed.minusDays(10);
        DemoSetup.mapProductCodes(api);
        OperatorCalls.Reply connected = DemoSetup.connect(api, 2, ",\"autoInvoicing\":true,\"invoicingFrom\":\""
                + from + "\"");
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
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

        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "SalesOrders"));
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
        assertThat(session("pogo.operatorToken")).isNull();
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();

        // a token the server no longer accepts: the next call sends the user back to sign-in
        script("sessionStorage.setItem('pogo.operatorToken', 'a-token-that-was-changed')");
        go("#/mappings");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "did not accept"));
        assertThat(session("pogo.operatorToken")).isNull();
    }

    /** VIEWER_TOKEN: the same pages, without a button or form that would change anything (the server says 403). */
    private void aViewerSeesEverythingButNothingThatChangesIt(String month, LocalDate first) {
        browser.findElement(By.id("token")).sendKeys(IntegrationTest.VIEWER_TOKEN, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
        go("#/departments");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("department-1")));
        assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("read-only")).getText()).contains("Read only");
        for (WebElement write : browser.findElements(By.cssSelector("#department-1 [data-writes]"))) {
            assertThat(write.isDisplayed()).as(write.getText()).isFalse();
        }

        go("#/calendar?department=1&month=" + month);
        waitForCalendar();
        assertThat(state(first.plusDays(2))).as("the ledger reads as for the operator").isNotBlank();
        assertThat(browser.findElement(By.id("export-period")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("replay-period")).isDisplayed()).isFalse();
        openDay(first.plusDays(2));
        assertThat(panel().findElements(By.xpath(".//button[contains(., 'Export this day')]")))
                .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());

        go("#/mappings");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-mappings")));
        assertThat(browser.findElement(By.id("save-mappings")).isDisplayed()).isFalse();

        go("#/invoices");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".section-invoices")));
        assertThat(browser.findElements(By.cssSelector("button.resend")))
                .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(session("pogo.role")).isNull();
        assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isFalse();
    }

    // --- helpers

    private String base() {
        return "http://localhost:" + port + "/";
    }

    private void go(String hash) {
        script("location.hash = arguments[0]", hash);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private String session(String key) {
        return (String) script("return sessionStorage.getItem(arguments[0])", key);
    }

    private void setValue(String id, String value) {
        script("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** Follows the job's link back to the calendar and waits for the new one (not the old one still shown). */
    private void refreshCalendar() {
        WebElement old = browser.findElement(By.id("calendar"));
        browser.findElement(By.linkText("Show the calendar with the new outcomes")).click();
        wait.until(ExpectedConditions.stalenessOf(old));
        waitForCalendar();
    }

    private void waitForCalendar() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar")));
    }

    private WebElement cell(LocalDate day) {
        return browser.findElement(By.cssSelector("#calendar td[data-date='" + day + "']"));
    }

    private String state(LocalDate day) {
        return cell(day).getAttribute("data-state");
    }

    private WebElement dayButton(LocalDate day) {
        return cell(day).findElement(By.tagName("button"));
    }

    private void openDay(LocalDate day) {
        dayButton(day).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("day-title"),
                day.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
    }

    private WebElement panel() {
        return browser.findElement(By.id("day-panel"));
    }

    private String outcome(LocalDate day) {
        return browser.findElement(By.cssSelector("#job-box tr[data-date='" + day + "'] .outcome")).getText();
    }

    private void save(Path file) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
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
