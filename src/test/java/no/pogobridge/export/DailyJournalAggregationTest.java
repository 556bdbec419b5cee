package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The day's journal as a split aggregates it: every line in, and a line that failed fails the day. */
class DailyJournalAggregationTest {

    private static Exchange split(Object... lines) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:day").split(body(), new DailyJournalAggregation())
                            .process(e -> {
                                if (e.getMessage().getBody() instanceof RuntimeException failure) {
                                    throw failure;
                                }
                            });
                }
            });
            camel.start();
            return camel.createProducerTemplate().send("direct:day", e -> {
                e.getMessage().setHeader("departmentId", 2);
                e.getMessage().setHeader("businessDate", LocalDate.of(2026, 3, 14));
                e.getMessage().setHeader("zNumber", 7);
                e.getMessage().setBody(List.of(lines));
            });
        }
    }

    private static JournalEntry.Line line(String group, int account, String amount) {
        return new JournalEntry.Line(group, account, "0", new BigDecimal(amount), group, List.of());
    }

    @Test
    void everyLineGoesIntoTheDaysOneJournal() throws Exception {
        Exchange day = split(line("payment:2", 1550, "100.00"), line("revenue:3000:3", 3000, "-100.00"));
        assertThat(day.getException()).isNull();
        DailyVoucher voucher = day.getMessage().getBody(DailyJournal.class).voucher();
        assertThat(voucher.lines()).hasSize(2);
        assertThat(voucher.zNumber()).isEqualTo(7);
        assertThat(voucher.problems()).isEmpty();
    }

    @Test
    void aLineThatFailedFailsTheDayWhereverItIs() throws Exception {
        IllegalArgumentException failure = new IllegalArgumentException("unknown placeholder {product}");
        for (List<Object> lines : List.of(
                List.<Object>of(failure, line("payment:2", 1550, "100.00"), line("revenue:3000:3", 3000, "-100.00")),
                List.<Object>of(line("payment:2", 1550, "100.00"), failure, line("revenue:3000:3", 3000, "-100.00")),
                List.<Object>of(line("payment:2", 1550, "100.00"), line("revenue:3000:3", 3000, "-100.00"), failure))) {
            Exchange day = split(lines.toArray());
            assertThat(day.getException()).as(lines.toString()).isSameAs(failure);
        }
    }
}
