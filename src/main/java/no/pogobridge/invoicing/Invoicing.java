package no.pogobridge.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.pogobridge.ServerInstance;
import no.pogobridge.alerts.Alerts;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.businessday.BusinessDayCalendar;
import no.pogobridge.mapping.Setup;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.monitoring.BusinessMetrics;
import no.pogobridge.poweroffice.PowerOfficeCalls;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adapts invoicing to routes/invoicing.camel.yaml, one decision per step: which departments to poll from when, a
 * page of credit orders at a time from each department's cursor, the claim, the order and its lines read from the
 * POS, each line's product, the sales order composed and priced, the one attempt to send it, and the dead letter
 * that marks it FAILED.
 */
@Component("invoicing")
public class Invoicing {

    private static final Logger log = LoggerFactory.getLogger(Invoicing.class);
    /** A claim or send older than this belongs to an instance that stopped. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);
    /** Credit orders read from the POS at a time. */
    static final int PAGE = 200;
    /** How far before its cursor a poll looks again, for an order whose paid_at came late (a terminal's clock). */
    private static final Duration LATE_ARRIVALS = Duration.ofHours(1);
    private static final OffsetDateTime BEFORE_ALL = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private final DepartmentConnections connections;
    private final InvoiceLedger ledger;
    private final InvoicingCursors cursors;
    private final CustomerLinks links;
    private final SetupReader setup;
    private final PowerOfficeDirectory directory;
    private final BusinessMetrics metrics;
    private final Alerts alerts;

    public Invoicing(DepartmentConnections connections, InvoiceLedger ledger, InvoicingCursors cursors,
            CustomerLinks links, SetupReader setup, PowerOfficeDirectory directory, BusinessMetrics metrics,
            Alerts alerts) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.connections = connections;
        this.ledger = ledger;
        this.cursors = cursors;
        this.links = links;
        this.setup = setup;
        this.directory = directory;
    }

    // ---- polling -------------------------------------------------------------------------------------------------

    /** Departments with automatic invoicing on, each with the instant its credit orders count from. */
    public List<Map<String, Object>> departmentsToPoll() {
        for (InvoiceLedger.Entry abandoned : ledger.releaseAbandoned(ABANDONED)) {
            failed(abandoned.orderId(), abandoned.departmentId(), abandoned.message());
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (DepartmentConnection c : connections.all().values()) {
            LocalDate from = c.invoicingFrom() != null ? c.invoicingFrom() : c.autoInvoicingSince();
            if (c.autoInvoicing() && from != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("departmentId", c.departmentId());
                d.put("since", OffsetDateTime.ofInstant(BusinessDayCalendar.startingAt(c.businessDayStart())
                        .start(from), ZoneOffset.UTC));
                result.add(d);
            }
        }
        return result;
    }

    /** Where this department's poll starts: a little before its cursor, or at invoicingFrom. */
    public void startPolling(Exchange exchange) {
        Message message = exchange.getMessage();
        int department = message.getHeader("departmentId", Integer.class);
        OffsetDateTime since = message.getHeader("since", OffsetDateTime.class);
        InvoicingCursors.Position start = cursors.read(department, since)
                .map(p -> new InvoicingCursors.Position(p.paidAt().minus(LATE_ARRIVALS), 0))
                .orElse(new InvoicingCursors.Position(BEFORE_ALL, 0));
        exchange.setProperty("creditOrdersAfter", start);
        exchange.setProperty("moreCreditOrders", true);
        message.setHeader("pageSize", PAGE);
    }

    /** The next page's keyset position (headers afterPaidAt, afterId). */
    public void nextPage(Exchange exchange) {
        InvoicingCursors.Position after = exchange.getProperty("creditOrdersAfter", InvoicingCursors.Position.class);
        exchange.getMessage().setHeader("afterPaidAt", after.paidAt());
        exchange.getMessage().setHeader("afterId", after.orderId());
    }

    /** Claims the page's credit orders no one has taken yet; answers the ids this instance now owns. */
    public List<Long> claim(Exchange exchange, List<Map<String, Object>> creditOrders) {
        exchange.setProperty("moreCreditOrders", creditOrders.size() >= PAGE);
        if (!creditOrders.isEmpty()) {
            Map<String, Object> last = creditOrders.get(creditOrders.size() - 1);
            exchange.setProperty("creditOrdersAfter", new InvoicingCursors.Position(OffsetDateTime.ofInstant(
                    ((Timestamp) last.get("paid_at")).toInstant(), ZoneOffset.UTC), number(last, "id").longValue()));
        }
        List<Long> ids = creditOrders.stream().map(r -> number(r, "id").longValue()).toList();
        Set<Long> handled = ledger.handledAmong(ids);
        List<Long> claimed = new ArrayList<>();
        for (Map<String, Object> row : creditOrders) {
            long id = number(row, "id").longValue();
            int department = number(row, "department_id").intValue();
            if (!handled.contains(id) && ledger.claim(id, department, ServerInstance.NAME)) {
                claimed.add(id);
            }
        }
        if (!claimed.isEmpty()) {
            log.info("Invoicing: claimed {} credit order(s)", claimed.size());
        }
        return claimed;
    }

    /** Every order of the page has been handled: the cursor moves past it. */
    public void pageDone(Exchange exchange) {
        Message message = exchange.getMessage();
        InvoicingCursors.Position reached = exchange.getProperty("creditOrdersAfter",
                InvoicingCursors.Position.class);
        if (reached.orderId() > 0) {
            cursors.advance(message.getHeader("departmentId", Integer.class),
                    message.getHeader("since", OffsetDateTime.class), reached);
        }
    }

    // ---- one credit order ----------------------------------------------------------------------------------------

    /**
     * The order the route read (header creditOrderRow): its department's connection and its customer's link. The
     * mappings (read once per poll) and PowerOffice's products (cached per client) are what its lines are enriched
     * with. A department not connected or an order without customer is refused here, before anything is sent.
     */
    public void open(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = exchange.getMessage().getHeader("creditOrderRow", Map.class);
        if (row == null) {
            throw new InvoiceRefused("The POS has no order " + exchange.getMessage().getHeader("orderId"));
        }
        int department = number(row, "department_id").intValue();
        DepartmentConnection connection = connections.find(department).orElseThrow(() ->
                new InvoiceRefused("Department " + department + " is not connected to PowerOffice"));
        Number customer = (Number) row.get("customer_id");
        if (customer == null) {
            throw new InvoiceRefused("The credit order has no customer in the POS");
        }
        Instant paidAt = ((Timestamp) row.get("paid_at")).toInstant();
        exchange.setProperty("creditOrder", new CreditOrder(number(row, "id").longValue(), department,
                number(row, "order_number").longValue(), customer.intValue(), paidAt,
                BusinessDayCalendar.startingAt(connection.businessDayStart()).dateOf(paidAt),
                (BigDecimal) row.get("rounding"), List.of()));
        exchange.setProperty("invoiceConnection", connection);
        if (exchange.getProperty("invoiceSetup") == null) {
            exchange.setProperty("invoiceSetup", setup.read());
        }
    }

    /** PowerOffice's products (read by the route, cached per client) as the lines are enriched with them. */
    public Map<String, SalesOrderLineRules.Product> lineProducts(
            @ExchangeProperty("products") Map<String, PowerOfficeDirectory.Product> powerOffice) {
        Map<String, SalesOrderLineRules.Product> products = new LinkedHashMap<>();
        powerOffice.forEach((code, p) -> products.put(code,
                new SalesOrderLineRules.Product(p.id(), code, p.vatRate() == null ? BigDecimal.valueOf(-1)
                        : p.vatRate().multiply(BigDecimal.valueOf(100)))));
        return products;
    }

    /** One row of the order's lines. */
    public CreditOrder.Line line(Map<String, Object> l) {
        return new CreditOrder.Line(number(l, "id").longValue(), number(l, "product_type_id").intValue(),
                (String) l.get("description"), (BigDecimal) l.get("quantity"), (BigDecimal) l.get("unit_price"),
                (BigDecimal) l.get("discount"), (BigDecimal) l.get("amount"), (BigDecimal) l.get("rate"));
    }

    /** The enrichment of a line: its product type's name and product codes. */
    public SalesOrderLineRules.ProductMapping productFor(CreditOrder.Line line, Setup invoiceSetup) {
        return new SalesOrderLineRules.ProductMapping(invoiceSetup.productTypeName(line.productTypeId()),
                invoiceSetup.productTypeMappings().get(line.productTypeId()));
    }

    /** The order's mapped lines (the split's aggregate) as the SalesOrderCompletePostDto, priced to the øre. */
    public Map<String, Object> salesOrder(Exchange exchange) {
        List<SalesOrderLineRules.MappedLine> mapped = new ArrayList<>();
        if (exchange.getMessage().getBody() instanceof List<?> list) {
            list.stream().filter(SalesOrderLineRules.MappedLine.class::isInstance)
                    .map(SalesOrderLineRules.MappedLine.class::cast).forEach(mapped::add);
        }
        CreditOrder head = exchange.getProperty("creditOrder", CreditOrder.class);
        CreditOrder order = new CreditOrder(head.id(), head.departmentId(), head.orderNumber(), head.customerId(),
                head.paidAt(), head.businessDate(), head.rounding(),
                mapped.stream().map(SalesOrderLineRules.MappedLine::line).toList());
        DepartmentConnection connection = exchange.getProperty("invoiceConnection", DepartmentConnection.class);
        Long departmentId = null;
        if (connection.powerOfficeDepartmentCode() != null) {
            PowerOfficeDirectory.Department d = exchange.getProperty("masterData",
                    PowerOfficeDirectory.MasterData.class).departments().get(connection.powerOfficeDepartmentCode());
            departmentId = d == null ? null : d.id();
        }
        Map<String, Object> body = SalesOrderBuilder.build(order, links.find(order.customerId()).orElse(null),
                mapped, departmentId);
        exchange.getMessage().setHeader(PowerOfficeCalls.CREDENTIALS, connection.credentials());
        return body;
    }

    /** SENDING is committed before the request leaves: an order is attempted at most once. */
    public void sending(Exchange exchange) {
        ledger.markSending(exchange.getProperty("creditOrder", CreditOrder.class).id());
    }

    /** PowerOffice's answer: SENT with its order number, or the failure for the dead letter. */
    public Map<String, Object> answered(Exchange exchange) {
        Message message = exchange.getMessage();
        CreditOrder order = exchange.getProperty("creditOrder", CreditOrder.class);
        String answer = message.getHeader(PowerOfficeCalls.ANSWER, String.class);
        int status = message.getHeader(PowerOfficeCalls.STATUS, 0, Integer.class);
        message.removeHeaders("PowerOffice*");
        if (!PowerOfficeCalls.OK.equals(answer)) {
            throw new PowerOfficeException(PowerOfficeException.Kind.valueOf(answer), status,
                    message.getBody(String.class));
        }
        JsonNode created = message.getBody(JsonNode.class);
        UUID id = UUID.fromString(created.path("Id").asText());
        long number = created.path("SalesOrderNo").asLong();
        ledger.markSent(order.id(), id, number);
        metrics.invoiceStatus(order.departmentId(), "SENT");
        log.info("Credit order {} (receipt {}) sent as PowerOffice sales order {}", order.id(), order.orderNumber(),
                number);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("orderId", order.id());
        result.put("invoiceStatus", "SENT");
        result.put("powerOfficeOrderNo", number);
        return result;
    }

    /** The dead letter: whatever went wrong, the order is FAILED with a reason a person can act on. */
    public void deadLetter(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof PowerOfficeException e && (e.kind() == PowerOfficeException.Kind.REFUSED
                || e.kind() == PowerOfficeException.Kind.NOT_FOUND)) {
            // a product, customer or account may have changed in PowerOffice since we cached it
            connections.all().values().forEach(c -> directory.forget(c.credentials()));
        }
        Long orderId = exchange.getMessage().getHeader("orderId", Long.class);
        String reason = reason(failure);
        if (orderId != null) {
            ledger.markFailed(orderId, reason);
            ledger.find(orderId).ifPresent(entry -> failed(orderId, entry.departmentId(), reason));
        }
        log.warn("Credit order {} FAILED: {}", orderId, reason);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("orderId", orderId);
        result.put("invoiceStatus", "FAILED");
        result.put("message", reason);
        exchange.getMessage().setBody(result);
    }

    /** An order marked FAILED is counted and alerted (once per attempt). */
    private void failed(long orderId, int departmentId, String reason) {
        metrics.invoiceStatus(departmentId, "FAILED");
        alerts.invoiceFailed(orderId, departmentId, reason);
    }

    static String reason(Throwable failure) {
        while (failure instanceof org.apache.camel.CamelExecutionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof InvoiceRefused refused) {
            return refused.getMessage();
        }
        if (failure instanceof PowerOfficeException e) {
            if (e.kind() == PowerOfficeException.Kind.UNCERTAIN) {
                return e.getMessage() + ". It may have reached PowerOffice: look for the order there before "
                        + "resending.";
            }
            return e.getMessage();
        }
        return failure == null ? "unknown failure" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static Number number(Map<String, Object> row, String column) {
        return (Number) row.get(column);
    }
}
