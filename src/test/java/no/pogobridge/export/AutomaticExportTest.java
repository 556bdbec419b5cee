package no.pogobridge.export;

import java.util.List;
import no.pogobridge.sandbox.SandboxClient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.time.LocalDate;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scheduled export catches up a backlog by itself, oldest first, and a second run posts nothing. */
@IntegrationTest
class AutomaticExportTest {

    @Autowired
    SharedServer server;

    @Autowired
    Scheduler scheduler;


    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("posDataSource")
    javax.sql.DataSource pos;

    OperatorCalls api;

    @BeforeEach
    void clean() {
        api = server.api();
        server.mapDemoCatalogue();
    }

    private int postedDays(int department) {
        return server.app()
                .queryForObject("SELECT count(*) FROM export_ledger WHERE department_id = ? AND status = 'POSTED'",
                Integer.class, department);
    }

    /** Fires the automatic export now and waits until that run has finished. */
    private void runOnce() throws Exception {
        JobKey job = JobKey.jobKey("automatic-export", "pogo");
        CountDownLatch done = new CountDownLatch(1);
        JobListener listener = new JobListenerSupport() {
            @Override
            public String getName() {
                return "test-run-" + System.nanoTime();
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                done.countDown();
            }
        };
        scheduler.getListenerManager().addJobListener(listener, KeyMatcher.keyEquals(job));
        try {
            scheduler.triggerJob(job);
            assertThat(done.await(60, TimeUnit.SECONDS)).as("the run finished").isTrue();
        } finally {
            scheduler.getListenerManager().removeJobListener(listener.getName());
        }
    }

    @Test
    void catchesUpEveryClosedDayFromExportFromOldestFirst() throws Exception {
        // the last Z-report of the demo data, whatever the clock says now
        LocalDate lastClosed = new JdbcTemplate(pos).queryForObject(
                "SELECT max(business_date) FROM pos.z_reports WHERE department_id = 3", LocalDate.class);
        LocalDate from = lastClosed.minusDays(14);
        server.connect(3, ",\"autoExport\":true,\"exportFrom\":\"" + from + "\"");
        try {
            runOnce();
            assertThat(postedDays(3)).isEqualTo(15);
            assertThat(server.app().queryForList("SELECT business_date FROM export_ledger WHERE department_id = 3 "
                    + "ORDER BY voucher_no", LocalDate.class)).isSorted().startsWith(from).endsWith(lastClosed);
            assertThat(server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers()).hasSize(15);

            runOnce();
            assertThat(server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow().vouchers()).hasSize(15);
        } finally {
            server.app().update("UPDATE department_connection SET auto_export = false");
        }
    }

    @Test
    void aBacklogReadAMonthAtATimeLeavesOutTheDaysPostedMeanwhile() throws Exception {
        LocalDate lastClosed = new JdbcTemplate(pos).queryForObject(
                "SELECT max(business_date) FROM pos.z_reports WHERE department_id = 3", LocalDate.class);
        LocalDate from = lastClosed.minusDays(44);   // 45 days: a run of 31 and one of 14
        LocalDate posted = from.plusDays(10);
        server.connect(3, "");
        assertThat(api.post("/api/departments/3/exports?from=" + posted + "&to=" + posted.plusDays(1), null)
                .status()).isEqualTo(200);
        server.connect(3, ",\"autoExport\":true,\"exportFrom\":\"" + from + "\"");
        try {
            runOnce();
            assertThat(postedDays(3)).isEqualTo(45);
            List<SandboxClient.Voucher> vouchers = server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow()
                    .vouchers();
            assertThat(vouchers).hasSize(45);
            assertThat(vouchers.stream().map(SandboxClient.Voucher::externalImportReference).distinct())
                    .as("each day once").hasSize(45);
        } finally {
            server.app().update("UPDATE department_connection SET auto_export = false");
        }
    }

    @Test
    void withoutExportFromItStartsTheDayItWasTurnedOn() throws Exception {
        server.connect(3, ",\"autoExport\":true");
        try {
            runOnce();
            assertThat(postedDays(3)).as("today is not closed yet, and history is the operator's").isZero();
        } finally {
            server.app().update("UPDATE department_connection SET auto_export = false");
        }
    }

    @Test
    void theTriggerLivesInTheClusteredJobStoreInOsloTime() {
        assertThat(server.app().queryForObject("SELECT time_zone_id FROM qrtz_cron_triggers WHERE trigger_name LIKE "
                + "'%automatic-export%'", String.class)).isEqualTo("Europe/Oslo");
        assertThat(server.app().queryForObject("SELECT cron_expression FROM qrtz_cron_triggers WHERE trigger_name LIKE "
                + "'%automatic-export%'", String.class)).isEqualTo("0 0 6 * * ?");
    }
}
