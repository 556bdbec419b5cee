package no.pogobridge.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.pogobridge.alerts.Alerts;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.documentation.DayReport;
import no.pogobridge.export.ExportLedger.Documentation;
import no.pogobridge.monitoring.BusinessMetrics;
import no.pogobridge.operator.JsonBodies;
import no.pogobridge.operator.OperatorException;
import no.pogobridge.poweroffice.PowerOfficeCalls;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The documentation of posted vouchers (routes/documentation.camel.yaml): which revision's report is attached, and
 * what PowerOffice's answer makes of its state in the ledger. The voucher's own status is never touched here, so a
 * documentation that fails never sends the voucher again: PENDING (no answer, throttled, a token problem) and FAILED
 * (refused, with PowerOffice's reason; alerted once per day) are tried again with backoff by the automatic run,
 * NOT_ALLOWED (the integration lacks VoucherDocumentation_Full) once a day, and OFF when POGO_DOCUMENTATION=false.
 * A second attachment of the same revision replaces the first in PowerOffice, so a retry after a lost answer is safe.
 *
 * <p>Headers in: departmentId, businessDate, and documentationRevision (null: the day's posted revision). The step
 * is header {@code documentationStep}: ATTACH, or DONE with the answer {businessDate, documentation, message}.
 */
@Component("dayDocumentation")
public class DayDocumentation {

    public static final String STEP = "documentationStep";
    public static final String REVISION = "documentationRevision";
    private static final Logger log = LoggerFactory.getLogger(DayDocumentation.class);

    private final ExportLedger ledger;
    private final DepartmentConnections connections;
    private final DocumentationSettings settings;
    private final Alerts alerts;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public DayDocumentation(ExportLedger ledger, DepartmentConnections connections, DocumentationSettings settings,
            Alerts alerts, BusinessMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.connections = connections;
        this.settings = settings;
        this.alerts = alerts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The revision to attach and its report (the body), with the voucher's id and the client's credentials as
     * headers; DONE at once when there is nothing to attach (not posted, posted before reports were kept, or
     * documentation turned off).
     */
    public void prepare(Exchange exchange) {
        Message message = exchange.getMessage();
        int department = message.getHeader("departmentId", Integer.class);
        LocalDate date = message.getHeader("businessDate", LocalDate.class);
        Integer wanted = message.getHeader(REVISION, Integer.class);
        Optional<ExportLedger.Entry> found = wanted == null ? ledger.current(department, date)
                : ledger.revision(department, date, wanted);
        ExportLedger.Entry entry = found.filter(e -> e.status() == ExportLedger.Status.POSTED).orElse(null);
        if (entry == null || entry.report() == null) {
            String why = entry == null ? "Department " + department + " has no posted voucher for " + date
                    + (wanted == null ? "" : " in revision " + wanted) + ": only a posted voucher has documentation."
                    : "Voucher " + entry.voucherNo() + " was posted before reports were kept: it has no report to "
                            + "attach (replay the day to post a revision with one).";
            done(message, date, null, why);
            return;
        }
        message.setHeader(REVISION, entry.revision());
        if (!settings.enabled()) {
            String why = "Documentation is turned off (POGO_DOCUMENTATION=false).";
            mark(entry, Documentation.OFF, why, null, false);
            done(message, date, Documentation.OFF, why);
            return;
        }
        DepartmentConnection connection = connections.find(department).orElse(null);
        if (connection == null) {
            done(message, date, entry.documentation(), VoucherPosting.notConnected(department));
            return;
        }
        message.setHeader(PowerOfficeCalls.CREDENTIALS, connection.credentials());
        message.setHeader("voucherId", entry.voucherId().toString());
        message.setBody(report(entry));
        message.setHeader(STEP, "ATTACH");
    }

    /**
     * POST .../exports/{date}/documentation: the day (the body) must have a posted revision with a report and a
     * connected department (else 409); its headers for attach-day-documentation.
     */
    public void attachable(Exchange exchange) {
        DayRequest day = exchange.getMessage().getBody(DayRequest.class);
        ExportLedger.Entry entry = ledger.current(day.departmentId(), day.businessDate())
                .filter(e -> e.status() == ExportLedger.Status.POSTED).orElseThrow(() -> OperatorException.conflict(
                        "Department " + day.departmentId() + " has no posted voucher for " + day.businessDate()
                                + ": only a posted voucher has documentation (POST /api/departments/"
                                + day.departmentId() + "/exports posts it)."));
        if (entry.report() == null) {
            throw OperatorException.conflict(noReport(entry));
        }
        if (connections.find(day.departmentId()).isEmpty()) {
            throw OperatorException.conflict(VoucherPosting.notConnected(day.departmentId()));
        }
        Message message = exchange.getMessage();
        message.removeHeader(REVISION);
        message.setHeader("departmentId", day.departmentId());
        message.setHeader("businessDate", day.businessDate());
    }

    /**
     * The report the PDF of a day shows: the given revision's (404 when the ledger lacks it), else the posted one's,
     * with what it corrects when it is not the first; null when the day has no posted revision (then the PDF is a
     * preview). 409 for a revision posted before reports were kept.
     */
    public DayReport postedReport(DayRequest day, String revisionText) {
        Integer revision = revisionText == null || revisionText.isBlank() ? null
                : JsonBodies.id("revision", revisionText);
        int department = day.departmentId();
        Optional<ExportLedger.Entry> found = revision == null ? ledger.current(department, day.businessDate())
                .filter(e -> e.status() == ExportLedger.Status.POSTED || e.status() == ExportLedger.Status.REVERSING)
                : ledger.revision(department, day.businessDate(), revision);
        if (revision != null && found.isEmpty()) {
            throw OperatorException.notFound("Department " + department + " has no revision " + revision + " for "
                    + day.businessDate() + " in the ledger (GET /api/departments/" + department
                    + "/exports lists them).");
        }
        if (found.isEmpty()) {
            return null;
        }
        ExportLedger.Entry entry = found.get();
        if (entry.report() == null) {
            throw OperatorException.conflict(noReport(entry));
        }
        return report(entry);
    }

    /** After a lost answer to the attachment: PowerOffice has the PDF on the voucher, or it is still pending. */
    public void checkedAfterUncertain(Exchange exchange) {
        Message message = exchange.getMessage();
        String uncertain = exchange.getProperty("documentationUncertain", String.class);
        boolean hasPdf = false;
        if (PowerOfficeCalls.OK.equals(message.getHeader(PowerOfficeCalls.ANSWER))
                && message.getBody() instanceof JsonNode list) {
            for (JsonNode documentation : list) {
                hasPdf |= documentation.path("HasPdf").asBoolean(false);
            }
        }
        if (hasPdf) {
            message.setHeader(PowerOfficeCalls.ANSWER, PowerOfficeCalls.OK);
        } else {
            message.setHeader(PowerOfficeCalls.ANSWER, PowerOfficeException.Kind.UNCERTAIN.name());
            message.setBody(uncertain);
        }
    }

    /** The preview of a day not posted yet (the body: its voucher), as it would be posted as the next revision. */
    public DayReport preview(DailyVoucher voucher, String departmentName) {
        DepartmentConnection connection = connections.find(voucher.departmentId()).orElse(null);
        int revision = ExportLedger.revisionToPost(ledger.current(voucher.departmentId(), voucher.businessDate()));
        DayReports.Heading heading = new DayReports.Heading(
                connection == null ? null : connection.powerOfficeClientName(),
                departmentName == null || departmentName.isEmpty() ? null : departmentName,
                connection == null ? null : connection.powerOfficeDepartmentCode(),
                connection == null ? DepartmentConnection.DEFAULT_DAY_START : connection.businessDayStart(),
                VoucherResolver.reference(voucher.departmentId(), voucher.businessDate(), revision), revision);
        return DayReports.of(DayReport.Kind.PREVIEW, voucher, heading, OffsetDateTime.now(clock));
    }

    /** The preview route's answer: the one day's report, or why the POS day could not be read. */
    public DayReport previewOf(List<?> days) {
        Object day = days.isEmpty() ? null : days.get(0);
        if (day instanceof DayReport report) {
            return report;
        }
        throw new IllegalStateException(day instanceof ExportOutcome outcome ? outcome.message()
                : "no preview was made");
    }

    /** The form PowerOffice takes a voucher's documentation in: one PDF as part {@code file}, repeatable. */
    public HttpEntity multipart(byte[] pdf, String fileName) {
        return MultipartEntityBuilder.create()
                .addBinaryBody("file", pdf, ContentType.create("application/pdf"), fileName)
                .build();
    }

    /** PowerOffice's answer to the attachment, as the revision's documentation state. */
    public void answered(Exchange exchange) {
        Message message = exchange.getMessage();
        ExportLedger.Entry entry = entryOf(message);
        String answer = message.getHeader(PowerOfficeCalls.ANSWER, String.class);
        String reason = message.getBody(String.class);
        Documentation state;
        OffsetDateTime next = null;
        if (PowerOfficeCalls.OK.equals(answer)) {
            state = Documentation.ATTACHED;
            reason = null;
        } else if (PowerOfficeException.Kind.FORBIDDEN.name().equals(answer)) {
            state = Documentation.NOT_ALLOWED;
            reason = "PowerOffice does not let this integration attach documentation (VoucherDocumentation_Full is "
                    + "missing): " + reason;
            next = OffsetDateTime.now(clock).plus(settings.retryMax());
        } else if (PowerOfficeException.Kind.REFUSED.name().equals(answer)
                || PowerOfficeException.Kind.NOT_FOUND.name().equals(answer)) {
            state = Documentation.FAILED;
            next = OffsetDateTime.now(clock).plus(settings.backoff().after(entry.documentationAttempts() + 1));
        } else {
            state = Documentation.PENDING;
            next = OffsetDateTime.now(clock).plus(settings.backoff().after(entry.documentationAttempts() + 1));
        }
        mark(entry, state, reason, next, true);
        if (state == Documentation.FAILED) {
            alerts.documentationFailed(entry.departmentId(), entry.businessDate(), "Voucher " + entry.voucherNo()
                    + " (revision " + entry.revision() + "): " + reason);
        }
        if (state != Documentation.ATTACHED) {
            log.warn("Department {} day {}: the report of voucher {} is {}: {}", entry.departmentId(),
                    entry.businessDate(), entry.voucherNo(), state, reason);
        }
        message.removeHeaders("PowerOffice*");
        done(message, entry.businessDate(), state, reason);
    }

    /** Anything else that went wrong (the report could not be rendered, the ledger could not be read): PENDING. */
    public void failed(Exchange exchange) {
        Message message = exchange.getMessage();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "unknown failure" : failure.getClass().getSimpleName() + ": "
                + failure.getMessage();
        LocalDate date = message.getHeader("businessDate", LocalDate.class);
        log.error("Department {} day {}: the report could not be attached", message.getHeader("departmentId"), date,
                failure);
        try {
            ExportLedger.Entry entry = entryOf(message);
            mark(entry, Documentation.PENDING, reason, OffsetDateTime.now(clock)
                    .plus(settings.backoff().after(entry.documentationAttempts() + 1)), true);
        } catch (RuntimeException e) {
            log.error("... and its state could not be recorded: {}", e.getMessage());
        }
        done(message, date, Documentation.PENDING, reason);
    }

    /** The automatic run's retries: the posted revisions whose documentation is due. */
    public List<ExportLedger.DueDocumentation> due() {
        return ledger.documentationDue(settings.retriesPerRun());
    }

    /** One due revision as the headers of attach-day-documentation. */
    public void target(Exchange exchange) {
        ExportLedger.DueDocumentation due = exchange.getMessage().getBody(ExportLedger.DueDocumentation.class);
        Message message = exchange.getMessage();
        message.setHeader("departmentId", due.departmentId());
        message.setHeader("businessDate", due.businessDate());
        message.setHeader(REVISION, due.revision());
    }

    private static String noReport(ExportLedger.Entry entry) {
        return "Voucher " + entry.voucherNo() + " (revision " + entry.revision() + ") was posted before reports "
                + "were kept: it has no report (a replay that changes the day posts a revision with one).";
    }

    private DayReport report(ExportLedger.Entry entry) {
        DayReport.Correction correction = null;
        if (entry.revision() > 1) {
            ExportLedger.Entry replaced = ledger.revision(entry.departmentId(), entry.businessDate(),
                    entry.revision() - 1).orElse(null);
            if (replaced != null) {
                // PowerOffice answers a reversal with 202 and no body: its number is not known here
                correction = DayReports.correction(replaced.revision(), replaced.voucherNo(), null,
                        ledger.lines(replaced), ledger.lines(entry));
            }
        }
        return DayReports.posted(ledger.report(entry), entry.voucherNo(), entry.postedAt(), correction);
    }

    private ExportLedger.Entry entryOf(Message message) {
        return ledger.revision(message.getHeader("departmentId", Integer.class),
                message.getHeader("businessDate", LocalDate.class), message.getHeader(REVISION, Integer.class))
                .orElseThrow(() -> new IllegalStateException("the ledger lost the revision being documented"));
    }

    private void mark(ExportLedger.Entry entry, Documentation state, String message, OffsetDateTime next,
            boolean attempted) {
        ledger.markDocumentation(entry.departmentId(), entry.businessDate(), entry.revision(), state, message, next,
                attempted);
        metrics.documentation(state.name());
    }

    private static void done(Message message, LocalDate date, Documentation state, String why) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("businessDate", date);
        answer.put("documentation", state == null ? null : state.name());
        answer.put("message", why);
        message.setBody(answer);
        message.setHeader(STEP, "DONE");
    }
}
