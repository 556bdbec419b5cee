package no.pogobridge.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import no.pogobridge.ServerStopping;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.mapping.Setup;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Adapts a run of days (a month of an automatic export's backlog) to route read-run-of-days: the Z-report query's
 * parameters, the run's closed days less those the ledger shows posted (one ledger query for the run), the
 * parameters of the one day-sums statement for all of them, and the statement's rows handed out day by day.
 */
@Component("dayRuns")
public class DayRuns {

    /** The exchange property holding the run's closed days not posted yet, with their Z numbers, oldest first. */
    public static final String DUE_DAYS = "dueDays";

    private final DepartmentConnections connections;
    private final ExportLedger ledger;
    private final ServerStopping stopping;

    public DayRuns(DepartmentConnections connections, ExportLedger ledger, ServerStopping stopping) {
        this.connections = connections;
        this.ledger = ledger;
        this.stopping = stopping;
    }

    /** The named parameters of the run's Z-report query. */
    public Map<String, Object> closedDaysQuery(DayRun run) {
        return Map.of("departmentId", run.departmentId(), "from", run.from(), "to", run.to());
    }

    /**
     * The run's closed days (the Z-report rows in the body: business_date, z_number) not posted yet, into exchange
     * property dueDays; the body becomes the day-sums statement's parameters for them (empty when none is due).
     */
    public void due(Exchange exchange, DayRun run, Setup setup) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> closed = exchange.getMessage().getBody(List.class);
        Set<LocalDate> posted = ledger.postedDays(run.departmentId(), run.from(), run.to());
        Map<LocalDate, Integer> due = new LinkedHashMap<>();
        for (Map<String, Object> row : closed) {
            LocalDate day = DaySums.businessDate(row);
            if (!posted.contains(day)) {
                due.put(day, ((Number) row.get("z_number")).intValue());
            }
        }
        exchange.setProperty(DUE_DAYS, due);
        exchange.getMessage().setBody(due.isEmpty() ? Map.of() : DaySums.parameters(run.departmentId(),
                new ArrayList<>(due.keySet()), connections.calendar(run.departmentId()), setup));
    }

    /**
     * The due days one by one, each with its Z number and its rows of the statement (the body: the rows of every
     * day of the run) as a {@link ReadDay}; when the statement failed (readDayByDay), each as a plain
     * {@link DayRequest}, which the department-day route reads alone. A stopping server ends the run after the day in
     * hand.
     */
    public Iterator<Object> days(DayRun run, Map<LocalDate, Integer> due, Object body, Boolean readDayByDay) {
        boolean alone = Boolean.TRUE.equals(readDayByDay);
        @SuppressWarnings("unchecked")
        Map<LocalDate, List<Map<String, Object>>> sums = due.isEmpty() || alone ? Map.of()
                : DaySums.byDay((List<Map<String, Object>>) body);
        Iterator<Map.Entry<LocalDate, Integer>> days = due.entrySet().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !stopping.stopping() && days.hasNext();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<LocalDate, Integer> day = days.next();
                DayRequest request = new DayRequest(run.departmentId(), day.getKey());
                return alone ? request : new ReadDay(request, day.getValue(),
                        sums.getOrDefault(day.getKey(), List.of()));
            }
        };
    }
}
