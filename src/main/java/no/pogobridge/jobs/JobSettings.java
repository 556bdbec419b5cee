package no.pogobridge.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How background jobs run (pogo.jobs.*). {@code maxRunning} jobs run at once per instance, the others wait for a
 * worker; a period longer than {@code synchronousMaxDays} always runs as a job (routes/jobs.camel.yaml); a running
 * job's instance writes a heartbeat every {@code heartbeatInterval}, and one silent for {@code staleAfter} is
 * taken for dead; finished jobs are forgotten after {@code keepFor}.
 */
@ConfigurationProperties("pogo.jobs")
public record JobSettings(int maxRunning, int synchronousMaxDays, Duration heartbeatInterval, Duration staleAfter,
        Duration keepFor) {
}
