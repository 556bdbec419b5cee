package no.pogobridge.jobs;

/** The job this day belonged to is no longer RUNNING (taken for dead, or its server stopping): it ends here. */
public class JobStoppedException extends RuntimeException {

    public JobStoppedException(String message) {
        super(message);
    }
}
