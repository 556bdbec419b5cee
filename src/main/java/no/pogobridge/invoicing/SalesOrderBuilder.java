package no.pogobridge.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.export.Setup;

/**
 * A credit order as PowerOffice's SalesOrderCompletePostDto: the linked customer, one line per POS line with the
 * product code mapped for its product type and VAT rate, priced so PowerOffice's total is the POS total to the øre
 * ({@link SalesOrderLines}), the receipt number as ImportedOrderNo and our reference. Pure: what it needs comes in.
 */
public final class SalesOrderBuilder {

    private static final BigDecimal STANDARD_RATE = new BigDecimal("25.00");

    /** A PowerOffice product: its id and the VAT rate (percent) of its standard sales account. */
    public record Product(long id, String code, BigDecimal vatRatePercent) {
    }

    private SalesOrderBuilder() {
    }

    public static Map<String, Object> build(CreditOrder order, CustomerLinks.Link customer,
            Map<Integer, Setup.ProductTypeMapping> mappings, Map<Integer, String> productTypeNames,
            Map<String, Product> products, Long departmentId) {
        if (customer == null) {
            throw new InvoiceRefused("Customer " + order.customerId() + " is not linked to a PowerOffice customer: "
                    + "PUT /api/customers/" + order.customerId() + "/link, then resend.");
        }
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        List<String> codes = new ArrayList<>();
        for (CreditOrder.Line line : order.lines()) {
            boolean standard = line.vatRate().compareTo(STANDARD_RATE) == 0;
            Setup.ProductTypeMapping mapping = mappings.get(line.productTypeId());
            String code = mapping == null ? null : standard ? mapping.standardProductCode()
                    : mapping.reducedProductCode();
            String type = productTypeNames.getOrDefault(line.productTypeId(), "product type " + line.productTypeId());
            if (code == null) {
                problems.add("Product type '" + type + "' has no " + (standard ? "standard-rate" : "reduced-rate")
                        + " product code: PUT /api/mappings/product-types/" + line.productTypeId());
            } else if (!products.containsKey(code)) {
                problems.add("PowerOffice has no product '" + code + "' (mapped for '" + type + "')");
            } else if (products.get(code).vatRatePercent().compareTo(line.vatRate()) != 0) {
                problems.add("Product '" + code + "' carries " + products.get(code).vatRatePercent().stripTrailingZeros()
                        .toPlainString() + " % VAT in PowerOffice, but the POS line '" + line.description() + "' is "
                        + line.vatRate().stripTrailingZeros().toPlainString() + " %");
            }
            codes.add(code);
        }
        if (!problems.isEmpty()) {
            throw new InvoiceRefused(String.join("; ", problems));
        }
        SalesOrderLines.Result priced = SalesOrderLines.price(order.lines(), order.total());
        if (priced.problem() != null) {
            throw new InvoiceRefused(priced.problem());
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            SalesOrderLines.Priced p = priced.lines().get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("LineType", "Normal");
            line.put("ProductCode", codes.get(i));
            line.put("Description", order.lines().get(i).description());
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
