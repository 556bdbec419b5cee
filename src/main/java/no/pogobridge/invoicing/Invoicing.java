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
import java.util.UUID;
import no.pogobridge.ServerInstance;
import no.pogobridge.alerts.Alerts;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.export.BusinessDayCalendar;
import no.pogobridge.export.Setup;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.monitoring.BusinessMetrics;
import no.pogobridge.poweroffice.PowerOfficeClient;
import no.pogobridge.poweroffice.PowerOfficeClient.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adapts invoicing to routes/invoicing.camel.yaml: which departments to poll from when, the claim, the credit
 * order assembled from the rows the route read, the one attempt to send it, and the dead letter that marks it FAILED.
 */
@Component("invoicing")
public class Invoicing {

    private static final Logger log = LoggerFactory.getLogger(Invoicing.class);
    /** A claim or send older than this belongs to an instance that stopped. */
    private static final Duration ABANDONED = Duration.ofMinutes(5);

    private final DepartmentConnections connections;
    private final InvoiceLedger ledger;
    private final CustomerLinks links;
    private final SetupReader setup;
    private final PowerOfficeClient powerOffice;
    private final PowerOfficeDirectory directory;
    private final BusinessMetrics metrics;
    private final Alerts alerts;

    public Invoicing(DepartmentConnections connections, InvoiceLedger ledger, CustomerLinks links, SetupReader setup,
            PowerOfficeClient powerOffice, PowerOfficeDirectory directory, BusinessMetrics metrics, Alerts alerts) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.connections = connections;
        this.ledger = ledger;
        this.links = links;
        this.setup = setup;
        this.powerOffice = powerOffice;
        this.directory = directory;
    }

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

    /** Claims the credit orders no one has taken yet; answers the ids this instance now owns. */
    public List<Long> claim(List<Map<String, Object>> creditOrders) {
        List<Long> ids = creditOrders.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
        java.util.Set<Long> handled = ledger.handledAmong(ids);
        List<Long> claimed = new ArrayList<>();
        for (Map<String, Object> row : creditOrders) {
            long id = ((Number) row.get("id")).longValue();
            int department = ((Number) row.get("department_id")).intValue();
            if (!handled.contains(id) && ledger.claim(id, department, ServerInstance.NAME)) {
                claimed.add(id);
            }
        }
        if (!claimed.isEmpty()) {
            log.info("Invoicing: claimed {} credit order(s)", claimed.size());
        }
        return claimed;
    }

    /** The order the route read (headers creditOrderRow, creditOrderLines). */
    @SuppressWarnings("unchecked")
    public CreditOrder creditOrder(Exchange exchange) {
        Map<String, Object> row = exchange.getMessage().getHeader("creditOrderRow", Map.class);
        if (row == null) {
            throw new InvoiceRefused("The POS has no order " + exchange.getMessage().getHeader("orderId"));
        }
        List<Map<String, Object>> lineRows = exchange.getMessage().getHeader("creditOrderLines", List.class);
        List<CreditOrder.Line> lines = new ArrayList<>();
        for (Map<String, Object> l : lineRows) {
            lines.add(new CreditOrder.Line(((Number) l.get("id")).longValue(),
                    ((Number) l.get("product_type_id")).intValue(), (String) l.get("description"),
                    (BigDecimal) l.get("quantity"), (BigDecimal) l.get("unit_price"), (BigDecimal) l.get("discount"),
                    (BigDecimal) l.get("amount"), (BigDecimal) l.get("rate")));
        }
        int department = ((Number) row.get("department_id")).intValue();
        Instant paidAt = ((Timestamp) row.get("paid_at")).toInstant();
        java.time.LocalTime start = connections.find(department).map(DepartmentConnection::businessDayStart)
                .orElse(java.time.LocalTime.of(5, 0));
        Number customer = (Number) row.get("customer_id");
        return new CreditOrder(((Number) row.get("id")).longValue(), department,
                ((Number) row.get("order_number")).longValue(), customer == null ? null : customer.intValue(),
                paidAt, BusinessDayCalendar.startingAt(start).dateOf(paidAt), (BigDecimal) row.get("rounding"), lines);
    }

    /** The one attempt: SENDING is committed first, then the order goes to PowerOffice once. */
    public Map<String, Object> send(CreditOrder order) {
        DepartmentConnection connection = connections.find(order.departmentId()).orElseThrow(() ->
                new InvoiceRefused("Department " + order.departmentId() + " is not connected to PowerOffice"));
        Credentials credentials = connection.credentials();
        CustomerLinks.Link link = order.customerId() == null ? null : links.find(order.customerId()).orElse(null);
        if (order.customerId() == null) {
            throw new InvoiceRefused("The credit order has no customer in the POS");
        }
        Setup s = setup.read();
        Map<Integer, String> names = new LinkedHashMap<>();
        s.productTypes().values().forEach(t -> names.put(t.id(), t.name()));
        Map<String, SalesOrderBuilder.Product> products = new LinkedHashMap<>();
        directory.products(credentials).forEach((code, p) -> products.put(code, new SalesOrderBuilder.Product(p.id(),
                code, p.vatRate() == null ? BigDecimal.valueOf(-1) : p.vatRate().multiply(BigDecimal.valueOf(100)))));
        Long departmentId = null;
        if (connection.powerOfficeDepartmentCode() != null) {
            PowerOfficeDirectory.Department d = directory.masterData(credentials).departments()
                    .get(connection.powerOfficeDepartmentCode());
            departmentId = d == null ? null : d.id();
        }
        Map<String, Object> body = SalesOrderBuilder.build(order, link, s.productTypeMappings(), names, products,
                departmentId);
        ledger.markSending(order.id());
        JsonNode created = powerOffice.postOnce(credentials, "/SalesOrders/Complete", body);
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
}
