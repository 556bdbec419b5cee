package no.pogobridge.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One exporter at a time per department-day, across threads and server instances: a PostgreSQL session advisory
 * lock in the app database. It lives on its own connection, so a crashed instance's lock goes with its connection.
 */
@Component
public class DayLock {

    private final DataSource app;

    public DayLock(DataSource app) {
        this.app = app;
    }

    /** Holds the lock until closed. Waits while another exporter has the same day. */
    public Held acquire(int departmentId, LocalDate businessDate) {
        long key = ((long) departmentId << 32) | (businessDate.toEpochDay() & 0xffffffffL);
        try {
            Connection connection = app.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new Held(connection, key);
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock department " + departmentId + " day " + businessDate, e);
        }
    }

    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private final long key;

        private Held(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            } catch (SQLException e) {
                // closing the connection ends the session, and with it the lock
            }
        }
    }
}
