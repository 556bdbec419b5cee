package no.pogobridge.invoicing;

import java.math.BigDecimal;
import no.pogobridge.mapping.Setup;

/**
 * accounting-rules.md, "Credit orders -> sales orders", one POS line at a time: the line uses the product code
 * mapped for its product type and rate (standard at 25 %, reduced otherwise), and that product must exist in
 * PowerOffice with the line's VAT rate, since PowerOffice takes the VAT from the product's sales account. A line
 * that cannot be sent says why.
 */
public final class SalesOrderLineRules {

    static final BigDecimal STANDARD_RATE = new BigDecimal("25.00");

    /** A PowerOffice product: its id and the VAT rate (percent) of its standard sales account. */
    public record Product(long id, String code, BigDecimal vatRatePercent) {
    }

    /** What the mappings say about a line's product type. */
    public record ProductMapping(String productTypeName, Setup.ProductTypeMapping mapping) {
    }

    /** A POS line with the PowerOffice product code it goes out with, or the reason it cannot. */
    public record MappedLine(CreditOrder.Line line, String productCode, String problem) {
    }

    private SalesOrderLineRules() {
    }

    public static MappedLine map(CreditOrder.Line line, ProductMapping mapping,
            java.util.Map<String, Product> products) {
        boolean standard = line.vatRate().compareTo(STANDARD_RATE) == 0;
        Setup.ProductTypeMapping m = mapping.mapping();
        String code = m == null ? null : standard ? m.standardProductCode() : m.reducedProductCode();
        String type = mapping.productTypeName();
        if (code == null) {
            return new MappedLine(line, null, "Product type '" + type + "' has no "
                    + (standard ? "standard-rate" : "reduced-rate") + " product code: PUT /api/mappings/product-types/"
                    + line.productTypeId());
        }
        Product product = products.get(code);
        if (product == null) {
            return new MappedLine(line, code, "PowerOffice has no product '" + code + "' (mapped for '" + type + "')");
        }
        if (product.vatRatePercent().compareTo(line.vatRate()) != 0) {
            return new MappedLine(line, code, "Product '" + code + "' carries "
                    + product.vatRatePercent().stripTrailingZeros().toPlainString() + " % VAT in PowerOffice, but the "
                    + "POS line '" + line.description() + "' is " + line.vatRate().stripTrailingZeros().toPlainString()
                    + " %");
        }
        return new MappedLine(line, code, null);
    }
}
