package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxClient;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** POGO_DOCUMENTATION=false: vouchers are posted as ever, nothing is attached, the PDF can still be downloaded. */
@IntegrationTest
@TestPropertySource(properties = "pogo.documentation.enabled=false")
class DocumentationOffTest {

    @Autowired
    SharedServer server;

    @Test
    void aPostedDayIsNotDocumentedAndTheCheckDoesNotAskForTheRole() {
        OperatorCalls api = server.api();
        server.mapDemoCatalogue();
        server.connect(1);
        SandboxClient demo = server.sandbox().client(SandboxWorld.DEMO_CLIENT).orElseThrow();
        demo.revokePrivilege("VoucherDocumentation_Full");
        LocalDate day = DemoPeriod.businessDate(Instant.now()).minusDays(6);

        assertThat(api.get("/api/departments/1/check").body()).doesNotContain("VoucherDocumentation");
        JsonNode outcome = api.post("/api/departments/1/exports?from=" + day + "&to=" + day, null).json().get(0);
        assertThat(outcome.get("outcome").asText()).isEqualTo("POSTED");

        JsonNode entry = api.get("/api/departments/1/exports?from=" + day + "&to=" + day).json().get(0);
        assertThat(entry.get("documentation").asText()).isEqualTo("OFF");
        assertThat(demo.vouchers()).hasSize(1);
        assertThat(demo.vouchers().get(0).hasPdf()).isFalse();
        assertThat(server.requests().entries()).noneMatch(e -> e.path().contains("VoucherDocumentation"));
        OperatorCalls.Reply again = api.post("/api/departments/1/exports/" + day + "/documentation", null);
        assertThat(again.json().get("documentation").asText()).isEqualTo("OFF");
        assertThat(again.json().get("message").asText()).contains("POGO_DOCUMENTATION=false");

        OperatorCalls.Download pdf = api.download("/api/departments/1/exports/" + day + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.text()).startsWith("%PDF-");
    }
}
