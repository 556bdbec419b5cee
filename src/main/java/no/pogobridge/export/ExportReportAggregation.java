package no.pogobridge.export;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The automatic export's aggregation: each day's outcome (or a department's whole report) is counted into one
 * {@link ExportReport}; the outcomes themselves are not kept.
 */
@Component
public class ExportReportAggregation implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange report, Exchange done) {
        if (report == null) {
            report = done;
            report.getMessage().setBody(add(new ExportReport(), done));
            return report;
        }
        add(report.getMessage().getBody(ExportReport.class), done);
        return report;
    }

    private static ExportReport add(ExportReport report, Exchange done) {
        Object body = done.getMessage().getBody();
        if (body instanceof ExportReport other) {
            return report.merge(other);
        }
        if (body instanceof ExportOutcome outcome) {
            return report.count(done.getMessage().getHeader("departmentId", Integer.class), outcome.outcome().name());
        }
        throw new IllegalStateException("the automatic export counts day outcomes, got "
                + (body == null ? "nothing" : body.getClass().getSimpleName()));
    }
}
