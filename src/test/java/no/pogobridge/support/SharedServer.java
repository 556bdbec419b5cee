package no.pogobridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.sandbox.SandboxFaults;
import no.pogobridge.sandbox.SandboxRequestLog;
import no.pogobridge.sandbox.SandboxWorld;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The one server the {@link IntegrationTest} classes share, as a test arranges it: the demo catalogue mapped, a
 * department connected, the operator API to call. Its {@link Reset} (registered by {@code @IntegrationTest}) puts it
 * back to a clean state around every test, so no test class depends on what another left behind.
 */
public class SharedServer {

    private final JdbcTemplate app;
    private final SandboxWorld sandbox;
    private final SandboxFaults faults;
    private final SandboxRequestLog requests;
    private final PowerOfficeDirectory directory;
    private final MovableClock clock;
    private final Environment environment;

    public SharedServer(JdbcTemplate app, SandboxWorld sandbox, SandboxFaults faults, SandboxRequestLog requests,
            PowerOfficeDirectory directory, MovableClock clock, Environment environment) {
        this.app = app;
        this.sandbox = sandbox;
        this.faults = faults;
        this.requests = requests;
        this.directory = directory;
        this.clock = clock;
        this.environment = environment;
    }

    /** The server's own database (its app schema). */
    public JdbcTemplate app() {
        return app;
    }

    /** The built-in PowerOffice sandbox's clients, vouchers and sales orders. */
    public SandboxWorld sandbox() {
        return sandbox;
    }

    public SandboxFaults faults() {
        return faults;
    }

    /** Every request the sandbox answered since the last reset. */
    public SandboxRequestLog requests() {
        return requests;
    }

    /** The port the web server took; known only once it has started, so it is read when asked for. */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    public OperatorCalls api() {
        return new OperatorCalls(port());
    }

    /** The demo catalogue mapped as the README's accountant maps it (product codes included). */
    public void mapDemoCatalogue() {
        DemoSetup.mapDemoCatalogue(api());
    }

    /** Department d connected to the demo client, its connection refused if the server does not answer 200. */
    public void connect(int department) {
        connect(department, "");
    }

    /** Department d connected with further connection fields ({@code ,"autoExport":true...}), asserted 200. */
    public void connect(int department, String extraJson) {
        OperatorCalls.Reply reply = DemoSetup.connect(api(), department, extraJson);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /**
     * Forgets every connection, mapping, ledger row and alert, the sandbox's data, faults and request log, the
     * directory's cached master data and any clock offset. Jobs are left: one another class started may still run.
     */
    public void reset() {
        clearAppTables();
        sandbox.reset();
        directory.forgetAll();
        faults.clear();
        requests.clear();
        clock.reset();
    }

    /** Department d connected with automatic invoicing of its credit orders from the given day on. */
    public void connectInvoicing(int department, LocalDate from) {
        connect(department, ",\"autoInvoicing\":true,\"invoicingFrom\":\"" + from + "\"");
    }

    /**
     * Forgets every job, for the classes that count or list them: the reset leaves jobs alone, as one another class
     * started may still run.
     */
    public void forgetJobs() {
        app.update("DELETE FROM job");
    }

    private void clearAppTables() {
        app.update("DELETE FROM alert");
        app.update("DELETE FROM export_ledger");
        app.update("DELETE FROM drift_watch");
        app.update("DELETE FROM clearing_transaction");
        app.update("DELETE FROM clearing_cursor");
        app.update("DELETE FROM invoice_status");
        app.update("DELETE FROM invoicing_cursor");
        app.update("DELETE FROM customer_link");
        app.update("DELETE FROM department_connection");
        app.update("DELETE FROM product_type_mapping");
        app.update("DELETE FROM vat_code_mapping");
        app.update("DELETE FROM payment_type_mapping");
        app.update("DELETE FROM rounding_mapping");
    }

    /**
     * Resets the shared server before each test, and again after it: a connection left with automatic export or
     * invoicing on would have the scheduler working for it while the next class starts.
     */
    public static final class Reset implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            server(context).reset();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            server(context).reset();
        }

        private static SharedServer server(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(SharedServer.class);
        }
    }
}
