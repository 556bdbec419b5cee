package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The line texts a route sets reach the lines through the enricher, as in route build-daily-voucher; a text the
 * rules cannot fill fails the day with its own reason.
 */
class VoucherLineEnrichmentTest {

    private static Exchange buildDay(String saleLineText) throws Exception {
        Setup setup = Fixtures.setup();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:build").split(body(), new DailyJournalAggregation())
                            .enrich("direct:mapping", new VoucherLineEnrichment());
                    from("direct:mapping").process(e -> e.getMessage().setBody(
                            LineMapping.lookup(e.getMessage().getBody(DaySum.class), setup)));
                }
            });
            camel.start();
            return camel.createProducerTemplate().send("direct:build", e -> {
                e.getMessage().setHeader("departmentId", 1);
                e.getMessage().setHeader("businessDate", LocalDate.of(2026, 3, 14));
                e.getMessage().setHeader("zNumber", 42);
                if (saleLineText != null) {
                    e.setProperty(LineTexts.SALE_PROPERTY, saleLineText);
                }
                e.getMessage().setBody(List.of(
                        new DaySum.Sale(Fixtures.MAT, Fixtures.VAT25, new BigDecimal("189.00")),
                        new DaySum.Payment(Fixtures.BANKKORT, new BigDecimal("189.00"))));
            });
        }
    }

    @Test
    void theLinesCarryTheTextsTheRouteSetOrTheDefaults() throws Exception {
        assertThat(buildDay("Omsetning {productType} {rate} % mva").getMessage().getBody(DailyJournal.class)
                .voucher().lines()).extracting(DailyVoucher.VoucherLine::description)
                .containsExactly("Bankkort", "Omsetning Mat 25 % mva");
        assertThat(buildDay(null).getMessage().getBody(DailyJournal.class).voucher().lines())
                .extracting(DailyVoucher.VoucherLine::description).containsExactly("Bankkort", "Salg Mat 25%");
    }

    @Test
    void aTextWithAnUnknownPlaceholderFailsTheDayWithItsOwnReason() throws Exception {
        Exception failure = buildDay("Omsetning {product}").getException();
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The sale line text (saleLineText) 'Omsetning {product}' has an unknown placeholder "
                        + "{product}; it may use {productType}, {rate}");
    }
}
