package no.pogobridge.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import no.pogobridge.database.EmbeddedPosFiller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Gives the embedded database the POS schema and demo sales, once (a kept data directory is left as it is). */
@Component
public class DemoPosDatabase implements EmbeddedPosFiller {

    private static final Logger log = LoggerFactory.getLogger(DemoPosDatabase.class);

    private final DemoDataSettings settings;

    public DemoPosDatabase(DemoDataSettings settings) {
        this.settings = settings;
    }

    @Override
    public void fill(DataSource admin) {
        if (hasPosSchema(admin)) {
            log.info("The embedded database already holds a POS schema; demo data left as it is");
            return;
        }
        Instant now = Instant.now();
        DemoPeriod period = DemoPeriod.endingBefore(now, settings.minDays());
        PosDataWriter.Counts counts = new PosDataWriter(admin, settings, period, now).write();
        log.info("Demo POS data: {} departments, closed days {} to {}, {} orders, {} lines, {} payments, "
                        + "{} Z-reports in {} ms", settings.departments(), period.firstDay(), period.lastClosedDay(),
                counts.orders(), counts.lines(), counts.payments(), counts.zReports(), counts.elapsed().toMillis());
    }

    private static boolean hasPosSchema(DataSource ds) {
        try (Connection c = ds.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, "pos", "departments", null)) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the embedded database: " + e.getMessage(), e);
        }
    }
}
