package no.pogobridge.poweroffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each PowerOffice call names its own method and path in its error text and its metric, even when the caller made
 * another call just before on the same exchange (a failed reversal used to lend its endpoint to the cash journal
 * posted after it).
 */
@IntegrationTest
class PowerOfficeCallLabelsTest {

    @Autowired
    ProducerTemplate routes;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Test
    void aCallAfterAFailedReversalIsNamedForWhatItIs() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(PowerOfficeCalls.CREDENTIALS, new Credentials(
                SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0), 0));
        exchange.getMessage().setHeader("voucherId", UUID.randomUUID().toString());
        double postsBefore = count("POST", "/Vouchers/CashJournals", "400");

        routes.send("direct:poweroffice-reverse-voucher", exchange);
        assertThat(exchange.getMessage().getHeader(PowerOfficeCalls.STATUS, Integer.class)).isEqualTo(404);
        assertThat(exchange.getMessage().getBody(String.class)).contains("POST /Vouchers/Reverse/{id}");

        // a journal PowerOffice refuses (no lines): answered 400, and named as the cash journal it is
        exchange.getMessage().setBody("{\"VoucherDate\":\"2026-11-01\",\"VoucherLines\":[]}");
        routes.send("direct:poweroffice-post-cash-journal", exchange);
        assertThat(exchange.getMessage().getHeader(PowerOfficeCalls.STATUS, Integer.class)).isEqualTo(400);
        assertThat(exchange.getMessage().getBody(String.class)).contains("POST /Vouchers/CashJournals")
                .doesNotContain("Reverse");
        assertThat(count("POST", "/Vouchers/CashJournals", "400")).isEqualTo(postsBefore + 1);
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys("PowerOfficeEndpoint", "PowerOfficePath",
                "PowerOfficeMethod");
    }

    private double count(String method, String endpoint, String status) {
        Timer timer = meters.find("pogo.poweroffice.requests").tag("method", method).tag("endpoint", endpoint)
                .tag("status", status).timer();
        return timer == null ? 0 : timer.count();
    }
}
