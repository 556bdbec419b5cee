package no.pogobridge.export;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The enricher's aggregation: a day's sum and the mapping looked up for it become a journal entry, by the
 * accounting rules of {@link LineRules}.
 */
@Component("voucherLineRules")
public class VoucherLineEnrichment implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange sum, Exchange mapping) {
        sum.getMessage().setBody(LineRules.apply(sum.getMessage().getBody(DaySum.class),
                mapping.getMessage().getBody(LineMapping.class)));
        return sum;
    }
}
