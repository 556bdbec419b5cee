package no.pogobridge.jobs;

import java.time.Instant;
import java.time.LocalDate;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.support.SharedServer;

/** What the job tests arrange on the shared server before each test: no jobs of others, department 1 ready. */
final class JobTestPeriod {

    private JobTestPeriod() {
    }

    /** Department 1 mapped and connected; answers the first day of a 40-day period of closed demo days. */
    static LocalDate arrange(SharedServer server) {
        server.forgetJobs();
        server.mapDemoCatalogue();
        server.connect(1);
        return DemoPeriod.businessDate(Instant.now()).minusDays(50);
    }
}
