package no.pogobridge.invoicing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.ServerInstance;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.operator.JsonBodies;
import no.pogobridge.operator.OperatorException;
import no.pogobridge.poweroffice.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The invoicing calls of the operator API (docs/interfaces.md, "Invoicing of credit orders"). */
@Component("invoicingApi")
public class InvoicingApi {

    public record LinkBody(Long powerOfficeCustomerId) {
    }


    private final JdbcTemplate pos;
    private final DepartmentConnections connections;
    private final PowerOfficeDirectory directory;
    private final CustomerLinks links;
    private final InvoiceLedger ledger;
    private final PosCreditOrders creditOrders;

    /** How many POS credit orders are read at a time while a filtered page is filled. */
    static final int BATCH = 500;

    public InvoicingApi(@Qualifier("posDataSource") javax.sql.DataSource posDataSource,
            DepartmentConnections connections, PowerOfficeDirectory directory, CustomerLinks links,
            InvoiceLedger ledger, PosCreditOrders creditOrders) {
        this.pos = new JdbcTemplate(posDataSource);
        this.connections = connections;
        this.directory = directory;
        this.links = links;
        this.ledger = ledger;
        this.creditOrders = creditOrders;
    }

    /** GET /api/customers?limit=&offset=: the POS's customers by name, each with its link status. */
    public List<Map<String, Object>> customers(String limitText, String offsetText) {
        ListQuery query = ListQuery.parse(null, null, limitText, offsetText);
        List<PosCreditOrders.Customer> page = creditOrders.customers(query.limit(), query.offset());
        Map<Integer, CustomerLinks.Link> linked = links.find(page.stream().map(PosCreditOrders.Customer::id)
                .toList());
        List<Map<String, Object>> result = new ArrayList<>();
        for (PosCreditOrders.Customer c : page) {
            result.add(view(c.id(), c.name(), c.organizationNumber(), c.email(), linked.get(c.id())));
        }
        return result;
    }

    /**
     * GET /api/credit-orders?status=&department=&limit=&offset=: credit orders with their invoice status. SENT and
     * FAILED come from our invoice status, the most recently changed first (every FAILED order to fix, however
     * old); all orders and PENDING ones come from the POS, newest paid first.
     */
    public List<Map<String, Object>> creditOrders(String statusText, String departmentText, String limitText,
            String offsetText) {
        ListQuery query = ListQuery.parse(statusText, departmentText, limitText, offsetText);
        if (query.departmentId() != null && pos.queryForObject("SELECT count(*) FROM pos.departments WHERE id = ?",
                Integer.class, query.departmentId()) == 0) {
            throw OperatorException.notFound("The POS has no department " + query.departmentId()
                    + "; GET /api/departments lists them.");
        }
        if (query.status() == InvoiceState.SENT || query.status() == InvoiceState.FAILED) {
            List<InvoiceLedger.Entry> entries = ledger.page(query.status(), query.departmentId(), query.limit(),
                    query.offset());
            Map<Long, PosCreditOrders.Row> rows = creditOrders.byIds(entries.stream()
                    .map(InvoiceLedger.Entry::orderId).toList());
            List<Map<String, Object>> result = new ArrayList<>();
            for (InvoiceLedger.Entry e : entries) {
                result.add(creditOrderView(e.orderId(), e.departmentId(), rows.get(e.orderId()), e));
            }
            return result;
        }
        Pages.Batches<PosCreditOrders.Row> newestFirst = (last, size) -> creditOrders.newestFirst(
                query.departmentId(), last, size);
        return Pages.<PosCreditOrders.Row, Map<String, Object>>page(newestFirst, batch -> {
            Map<Long, InvoiceLedger.Entry> status = ledger.find(batch.stream().map(PosCreditOrders.Row::orderId)
                    .toList());
            List<Map<String, Object>> kept = new ArrayList<>();
            for (PosCreditOrders.Row row : batch) {
                InvoiceLedger.Entry entry = status.get(row.orderId());
                if (query.status() == null || InvoiceState.of(entry) == query.status()) {
                    kept.add(creditOrderView(row.orderId(), row.departmentId(), row, entry));
                }
            }
            return kept;
        }, BATCH, query.limit(), query.offset());
    }

    /** GET /api/poweroffice/customers?department=: the client the route asks PowerOffice for its customers. */
    public Credentials customersClient(String departmentText) {
        if (departmentText == null || departmentText.isBlank()) {
            throw OperatorException.badRequest("department is required: ?department=<POS department id>.");
        }
        return connected(JsonBodies.id("department", departmentText)).credentials();
    }

    /** The client's customers as PowerOffice answered direct:poweroffice-customers, the archived ones left out. */
    public List<Map<String, Object>> powerOfficeCustomers(String answer, Integer status, Object body) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (PowerOfficeDirectory.Customer c : customers(answer, status, body)) {
            if (c.archived()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("number", c.number());
            m.put("name", c.name());
            m.put("organizationNumber", c.organizationNumber());
            result.add(m);
        }
        return result;
    }

    /**
     * PUT /api/customers/{id}/link, as the route asks PowerOffice: the request checked, then each connected client's
     * customers until one has the PowerOffice customer ({@link CustomerLinkRequest#nextClient}, {@link #answered}),
     * then {@link #link} decides.
     */
    public CustomerLinkRequest linkRequest(String customerText, String body) {
        int customerId = JsonBodies.id("customer id", customerText);
        Map<String, Object> customer = posCustomer(customerId);
        LinkBody b = JsonBodies.read(body, LinkBody.class);
        if (b.powerOfficeCustomerId() == null) {
            throw OperatorException.badRequest("powerOfficeCustomerId is required (the id from GET "
                    + "/api/poweroffice/customers?department=...).");
        }
        Map<String, DepartmentConnection> clients = new LinkedHashMap<>();
        for (DepartmentConnection c : connections.all().values()) {
            clients.putIfAbsent(c.powerOfficeClientId(), c);
        }
        if (clients.isEmpty()) {
            throw OperatorException.conflict("No department is connected to PowerOffice yet, so there are no "
                    + "PowerOffice customers to link to.");
        }
        return new CustomerLinkRequest(customerId, customer, b.powerOfficeCustomerId(),
                List.copyOf(clients.values()));
    }

    /** One client's customers, as PowerOffice answered: the request notes the customer when this client has it. */
    public void answered(CustomerLinkRequest request, String answer, Integer status, Object body) {
        request.answered(customers(answer, status, body));
    }

    /** The link stored, or why not: archived, or no connected client has the PowerOffice customer. */
    public Map<String, Object> link(CustomerLinkRequest request) {
        PowerOfficeDirectory.Customer po = request.found();
        if (po == null) {
            throw OperatorException.badRequest("PowerOffice has no customer with id " + request.powerOfficeCustomerId()
                    + " in the connected client(s); GET /api/poweroffice/customers?department=... lists them.");
        }
        if (po.archived()) {
            throw OperatorException.badRequest("PowerOffice customer " + po.id() + " (" + po.name() + ") is archived.");
        }
        links.save(new CustomerLinks.Link(request.customerId(), po.id(), po.number(), po.name(),
                request.foundIn().powerOfficeClientId()));
        return view(request.customer());
    }

    public Map<String, Object> customer(String customerText) {
        return view(posCustomer(JsonBodies.id("customer id", customerText)));
    }

    /** The customer's credit orders with their invoice status; PENDING until the server has handled one. */
    public List<Map<String, Object>> orders(String customerText) {
        int customerId = JsonBodies.id("customer id", customerText);
        posCustomer(customerId);
        List<Map<String, Object>> rows = pos.queryForList("""
                SELECT o.id, o.order_number, o.department_id, o.paid_at,
                       (SELECT coalesce(sum(p.amount), 0) FROM pos.payments p WHERE p.order_id = o.id) AS total
                FROM pos.orders o
                WHERE o.customer_id = ? AND o.status = 'PAID' AND EXISTS (
                    SELECT 1 FROM pos.payments p JOIN pos.payment_types t ON t.id = p.payment_type_id
                    WHERE p.order_id = o.id AND t.kind = 'CREDIT')
                ORDER BY o.paid_at DESC""", customerId);
        Map<Long, InvoiceLedger.Entry> status = ledger.find(rows.stream()
                .map(r -> ((Number) r.get("id")).longValue()).toList());
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            result.add(orderView(r, status.get(((Number) r.get("id")).longValue())));
        }
        return result;
    }

    /** GET /api/orders/{id}/invoice. */
    public Map<String, Object> invoice(String orderText) {
        long orderId = JsonBodies.id("order id", orderText);
        Map<String, Object> row = creditOrderRow(orderId);
        return orderView(row, ledger.find(orderId).orElse(null));
    }

    /** POST /api/orders/{id}/invoice/resend: puts a FAILED order back for one more attempt; answers its id. */
    public Long resend(String orderText) {
        long orderId = JsonBodies.id("order id", orderText);
        creditOrderRow(orderId);
        InvoiceLedger.Entry entry = ledger.find(orderId).orElse(null);
        if (entry == null || entry.status() != InvoiceLedger.Status.FAILED) {
            throw OperatorException.conflict("Only a FAILED order can be resent; order " + orderId + " is "
                    + (entry == null ? "PENDING" : entry.status()) + ".");
        }
        if (!ledger.reclaimFailed(orderId, ServerInstance.NAME)) {
            throw OperatorException.conflict("Order " + orderId + " is being resent already.");
        }
        return orderId;
    }

    private DepartmentConnection connected(int departmentId) {
        return connections.find(departmentId).orElseThrow(() -> OperatorException.conflict("Department "
                + departmentId + " is not connected to PowerOffice: PUT /api/departments/" + departmentId
                + "/connection"));
    }

    private List<PowerOfficeDirectory.Customer> customers(String answer, Integer status, Object body) {
        try {
            return directory.customers(answer, status, body);
        } catch (PowerOfficeException e) {
            throw new OperatorException(502, "PowerOffice could not list the customers: " + e.getMessage());
        }
    }

    private Map<String, Object> posCustomer(int customerId) {
        List<Map<String, Object>> rows = pos.queryForList(
                "SELECT id, name, organization_number, email FROM pos.customers WHERE id = ?", customerId);
        if (rows.isEmpty()) {
            throw OperatorException.notFound("The POS has no customer " + customerId + ".");
        }
        return rows.get(0);
    }

    private Map<String, Object> creditOrderRow(long orderId) {
        List<Map<String, Object>> rows = pos.queryForList("""
                SELECT o.id, o.order_number, o.department_id, o.paid_at, o.status,
                       (SELECT coalesce(sum(p.amount), 0) FROM pos.payments p WHERE p.order_id = o.id) AS total,
                       EXISTS (SELECT 1 FROM pos.payments p JOIN pos.payment_types t ON t.id = p.payment_type_id
                               WHERE p.order_id = o.id AND t.kind = 'CREDIT') AS credit
                FROM pos.orders o WHERE o.id = ?""", orderId);
        if (rows.isEmpty()) {
            throw OperatorException.notFound("The POS has no order " + orderId + ".");
        }
        if (!Boolean.TRUE.equals(rows.get(0).get("credit"))) {
            throw OperatorException.conflict("Order " + orderId + " was not paid on credit; only credit orders are "
                    + "invoiced.");
        }
        return rows.get(0);
    }

    private Map<String, Object> view(Map<String, Object> customer) {
        int id = ((Number) customer.get("id")).intValue();
        return view(id, (String) customer.get("name"), (String) customer.get("organization_number"),
                (String) customer.get("email"), links.find(id).orElse(null));
    }

    private static Map<String, Object> view(int id, String name, String organizationNumber, String email,
            CustomerLinks.Link link) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("organizationNumber", organizationNumber);
        m.put("email", email);
        m.put("powerOfficeCustomerId", link == null ? null : link.powerOfficeCustomerId());
        m.put("powerOfficeCustomerNo", link == null ? null : link.powerOfficeCustomerNo());
        m.put("powerOfficeCustomerName", link == null ? null : link.powerOfficeCustomerName());
        m.put("status", link == null ? "NOT_CONNECTED" : "CONNECTED");
        return m;
    }

    private static Map<String, Object> orderView(Map<String, Object> row, InvoiceLedger.Entry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", ((Number) row.get("id")).longValue());
        m.put("orderNumber", ((Number) row.get("order_number")).longValue());
        m.put("departmentId", ((Number) row.get("department_id")).intValue());
        m.put("total", ((BigDecimal) row.get("total")).setScale(2));
        m.put("paidAt", row.get("paid_at") == null ? null : ((Timestamp) row.get("paid_at")).toInstant().toString());
        putStatus(m, entry);
        return m;
    }

    /**
     * An order of the console's list: the fields of {@link #orderView} and its customer. {@code row} is null for an
     * order the POS no longer has (shown with what our invoice status knows).
     */
    private static Map<String, Object> creditOrderView(long orderId, int departmentId, PosCreditOrders.Row row,
            InvoiceLedger.Entry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", orderId);
        m.put("orderNumber", row == null ? null : row.orderNumber());
        m.put("departmentId", departmentId);
        m.put("customerId", row == null ? null : row.customerId());
        m.put("customerName", row == null ? null : row.customerName());
        m.put("total", row == null ? null : row.total().setScale(2));
        m.put("paidAt", row == null || row.paidAt() == null ? null : row.paidAt().toString());
        putStatus(m, entry);
        return m;
    }

    private static void putStatus(Map<String, Object> m, InvoiceLedger.Entry entry) {
        m.put("invoiceStatus", InvoiceState.of(entry).name());
        m.put("sentAt", entry == null || entry.sentAt() == null ? null : entry.sentAt().toInstant().toString());
        m.put("powerOfficeOrderNo", entry == null ? null : entry.powerOfficeOrderNo());
        m.put("message", entry == null ? null : entry.message());
    }
}
