package no.pogobridge.jobs;

import java.time.LocalDate;

/**
 * What a job other than a department's period covers (the drift watch's pass over every department): its days from
 * and to, how many days it counts in all, and its department, if it has one.
 */
public interface JobScope {

    Integer departmentId();

    LocalDate from();

    LocalDate to();

    int days();
}
