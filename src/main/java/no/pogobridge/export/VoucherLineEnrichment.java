package no.pogobridge.export;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The enricher's aggregation: a day's sum and the mapping looked up for it become a journal entry, by the
 * accounting rules of {@link LineRules}, with the line texts the route set (exchange properties named in
 * {@link LineTexts}; the defaults where a route sets none).
 */
@Component
public class VoucherLineEnrichment implements AggregationStrategy {

    /**
     * A text the rules cannot fill fails the line with its own reason: thrown from here, Camel's enricher would
     * wrap it in "Error occurred during aggregation. Exchange[...]", which is what the operator would then read.
     */
    @Override
    public Exchange aggregate(Exchange sum, Exchange mapping) {
        LineTexts texts;
        try {
            texts = LineTexts.of(sum.getProperty(LineTexts.SALE_PROPERTY, String.class),
                    sum.getProperty(LineTexts.GIFT_CARDS_SOLD_PROPERTY, String.class),
                    sum.getProperty(LineTexts.ROUNDING_PROPERTY, String.class));
        } catch (IllegalArgumentException e) {
            sum.setException(e);
            return sum;
        }
        sum.getMessage().setBody(LineRules.apply(sum.getMessage().getBody(DaySum.class),
                mapping.getMessage().getBody(LineMapping.class), texts));
        return sum;
    }
}
