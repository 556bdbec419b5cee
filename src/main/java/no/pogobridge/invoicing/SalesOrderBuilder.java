package no.pogobridge.invoicing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A credit order as PowerOffice's SalesOrderCompletePostDto: the linked customer, one line per POS line with the
 * product code {@link SalesOrderLineRules} mapped for it, priced so PowerOffice's total is the POS total to the øre
 * ({@link SalesOrderLines}), the receipt number as ImportedOrderNo and our reference. Pure: what it needs comes in.
 * An order that cannot be expressed exactly is refused with the reasons, never sent wrong.
 */
public final class SalesOrderBuilder {

    private SalesOrderBuilder() {
    }

    public static Map<String, Object> build(CreditOrder order, CustomerLinks.Link customer,
            List<SalesOrderLineRules.MappedLine> mapped, Long departmentId) {
        if (customer == null) {
            throw new InvoiceRefused("Customer " + order.customerId() + " is not linked to a PowerOffice customer: "
                    + "PUT /api/customers/" + order.customerId() + "/link, then resend.");
        }
        Set<String> problems = new LinkedHashSet<>();
        mapped.forEach(m -> {
            if (m.problem() != null) {
                problems.add(m.problem());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvoiceRefused(String.join("; ", problems));
        }
        SalesOrderLines.Result priced = SalesOrderLines.price(order.lines(), order.total());
        if (priced.problem() != null) {
            throw new InvoiceRefused(priced.problem());
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < mapped.size(); i++) {
            SalesOrderLines.Priced p = priced.lines().get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("LineType", "Normal");
            line.put("ProductCode", mapped.get(i).productCode());
            line.put("Description", mapped.get(i).line().description());
            line.put("Quantity", p.quantity());
            line.put("ProductUnitPrice", p.unitPrice());
            line.put("SortOrder", i);
            lines.add(line);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CustomerId", customer.powerOfficeCustomerId());
        body.put("SalesOrderDate", order.businessDate());
        body.put("SalesOrderStatus", "Draft");
        body.put("CurrencyCode", "NOK");
        body.put("ImportedOrderNo", order.orderNumber());
        body.put("ExternalImportReference", InvoiceLedger.reference(order.id()));
        if (departmentId != null) {
            body.put("DepartmentId", departmentId);
        }
        body.put("SalesOrderLines", lines);
        return body;
    }
}
