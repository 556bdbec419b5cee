package no.pogobridge.export;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The business days from..to (inclusive) of one department. Its days are produced one at a time as they are
 * iterated, never as a list: a route splits a period of ten years as cheaply as one of a day, and a finished day
 * leaves nothing behind.
 */
public record ExportPeriod(int departmentId, LocalDate from, LocalDate to) implements Iterable<DayRequest> {

    public ExportPeriod {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A period runs from a day to the same or a later day, was " + from
                    + ".." + to);
        }
    }

    /** The number of days, both ends included. */
    public int length() {
        return Math.toIntExact(to.toEpochDay() - from.toEpochDay() + 1);
    }

    @Override
    public Iterator<DayRequest> iterator() {
        return new Iterator<>() {
            private LocalDate next = from;

            @Override
            public boolean hasNext() {
                return !next.isAfter(to);
            }

            @Override
            public DayRequest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DayRequest day = new DayRequest(departmentId, next);
                next = next.plusDays(1);
                return day;
            }
        };
    }

    @Override
    public String toString() {
        return "department " + departmentId + " " + from + ".." + to;
    }
}
