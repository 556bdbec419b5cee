package no.pogobridge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells long work that the server is stopping, so it ends between days instead of being cut in the middle of one.
 *
 * <p>Spring stops SmartLifecycle beans from the highest phase down: this one is in the highest phase (with Quartz,
 * which only stops firing), so the flag is up before the web server drains its requests (phase MAX - 1024) and
 * before Camel's own graceful shutdown (SpringCamelContext, phase MAX - 2049) waits for the exchanges in flight.
 * Jobs and the automatic export read it before each day; a synchronous call (its caller waits for the answer) is
 * left to finish within the web server's grace (spring.lifecycle.timeout-per-shutdown-phase).
 */
@Component
public class ServerStopping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServerStopping.class);

    private volatile boolean running;
    private volatile boolean stopping;

    /** True from the moment the server begins to stop. */
    public boolean stopping() {
        return stopping;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
        log.info("The server is stopping: jobs and the automatic export stop after the day each is on; "
                + "requests in flight are answered");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
