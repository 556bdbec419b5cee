package no.pogobridge.invoicing;

import java.util.Map;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The enricher's aggregation for a credit order's line: the POS line and its product type's mapping become the
 * line as it goes to PowerOffice (its product code), or the reason it cannot, by {@link SalesOrderLineRules}.
 */
@Component
public class SalesOrderLineEnrichment implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange line, Exchange mapping) {
        Map<String, SalesOrderLineRules.Product> products = line.getProperty("powerOfficeProducts", Map.class);
        line.getMessage().setBody(SalesOrderLineRules.map(line.getMessage().getBody(CreditOrder.Line.class),
                mapping.getMessage().getBody(SalesOrderLineRules.ProductMapping.class), products));
        return line;
    }
}
