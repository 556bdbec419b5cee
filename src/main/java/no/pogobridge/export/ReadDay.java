package no.pogobridge.export;

import java.util.List;
import java.util.Map;

/**
 * A closed day whose POS side was read with the rest of its run (route read-run-of-days): its Z number and its rows
 * of routes/sql/day-sums.sql (none for a closed day without paid orders). The department-day routes then read
 * nothing more from the POS for it.
 */
public record ReadDay(DayRequest day, int zNumber, List<Map<String, Object>> sums) {
}
