package no.pogobridge.sandbox;

import static no.pogobridge.support.SandboxSession.DAY;
import static no.pogobridge.support.SandboxSession.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import no.pogobridge.support.SandboxSession;
import org.apache.commons.io.input.NullInputStream;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * PUT and GET /VoucherDocumentation in the sandbox as PowerOffice's spec describes them: a PDF of at most 30 MB
 * attached to a voucher the API imported, replaced by a second PUT, listed with HasPdf; every refusal with its
 * status, the privilege switched off through the admin, and the faults a test injects on the PUT alone.
 * <p>Every answer is checked against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxVoucherDocumentationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FULL = "VoucherDocumentation_Full";

    @LocalServerPort
    int port;

    @Autowired
    SandboxFaults faults;

    @RegisterExtension
    final SandboxSession session = new SandboxSession();

    private final HttpClient admin = HttpClient.newHttpClient();

    @Test
    void attachesAPdfToAnImportedVoucherListsItAndServesItInTheAdmin() throws Exception {
        JsonNode voucher = postVoucher("doc-1");
        String id = voucher.get("Id").asText();
        byte[] pdf = pdf(1);

        assertThat(put(id, pdfPart(pdf)).status()).isEqualTo(204);

        Response byId = session.get("/v2/VoucherDocumentation?id=" + id);
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(byId.json()).hasSize(1);
        JsonNode documentation = byId.json().get(0);
        assertThat(documentation.get("VoucherId").asText()).isEqualTo(id);
        assertThat(documentation.get("VoucherNo").asLong()).isEqualTo(voucher.get("VoucherNo").asLong());
        assertThat(documentation.get("VoucherType").asText()).isEqualTo("CashJournal");
        assertThat(documentation.get("HasPdf").asBoolean()).isTrue();
        assertThat(documentation.get("IsImported").asBoolean()).isTrue();
        assertThat(documentation.get("HasImages").asBoolean()).isFalse();

        Response byNumber = session.get("/v2/VoucherDocumentation?voucherNo=" + voucher.get("VoucherNo").asLong());
        assertThat(byNumber.json().findValuesAsText("VoucherId")).containsExactly(id);

        JsonNode listed = adminVoucher(id);
        assertThat(listed.get("HasPdf").asBoolean()).isTrue();
        HttpResponse<byte[]> download = adminGet(listed.get("PdfUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.body()).isEqualTo(pdf);
    }

    @Test
    void aSecondPutReplacesTheFirstButOnlyFromTheSameIntegration() throws Exception {
        String id = postVoucher("doc-2").get("Id").asText();
        byte[] first = pdf(1);
        byte[] second = pdf(3);
        assertThat(put(id, pdfPart(first)).status()).isEqualTo(204);
        assertThat(put(id, pdfPart(second)).status()).isEqualTo(204);
        assertThat(adminGet(documentationUrl(id)).body()).isEqualTo(second);

        String otherIntegration = session.calls().accessToken(SandboxKeys.applicationKey(1),
                SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 1));
        Response replaced = session.calls().putMultipart(otherIntegration, "/v2/VoucherDocumentation?id=" + id,
                pdfPart(first));
        assertThat(problem(replaced, 400)).contains("another integration");
        assertThat(adminGet(documentationUrl(id)).body()).isEqualTo(second);
    }

    @Test
    void listsAVoucherWithoutDocumentationAndAnswers204WhenNoVoucherMatches() throws Exception {
        String id = postVoucher("doc-3").get("Id").asText();
        Response listed = session.get("/v2/VoucherDocumentation?id=" + id);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).get("HasPdf").asBoolean()).isFalse();
        assertThat(adminVoucher(id).get("PdfUrl").isNull()).isTrue();
        assertThat(adminGet(documentationUrl(id)).statusCode()).isEqualTo(404);

        assertThat(session.get("/v2/VoucherDocumentation?id=" + UUID.randomUUID()).status()).isEqualTo(204);
        assertThat(session.get("/v2/VoucherDocumentation?voucherNo=1").status()).isEqualTo(204);
        assertThat(problem(session.get("/v2/VoucherDocumentation?id=not-a-uuid"), 400)).contains("not-a-uuid");
    }

    @Test
    void refusesWhatIsNotAPdfAMissingFileAndAMissingOrMalformedId() throws Exception {
        String id = postVoucher("doc-4").get("Id").asText();
        HttpEntity text = MultipartEntityBuilder.create().addBinaryBody("file",
                "Dagsoppgjør".getBytes(StandardCharsets.UTF_8), ContentType.TEXT_PLAIN, "oppgjor.txt").build();
        assertThat(problem(put(id, text), 400)).contains("PDF");

        HttpEntity wrongPart = MultipartEntityBuilder.create().addBinaryBody("document", pdf(1),
                ContentType.create("application/pdf"), "oppgjor.pdf").build();
        assertThat(problem(put(id, wrongPart), 400)).contains("'file'");

        assertThat(problem(session.calls().putMultipartOffSpec(session.token(), "/v2/VoucherDocumentation",
                pdfPart(pdf(1)), Duration.ofSeconds(30)), 400)).contains("id");
        assertThat(problem(session.calls().putMultipartOffSpec(session.token(),
                "/v2/VoucherDocumentation?id=not-a-uuid", pdfPart(pdf(1)), Duration.ofSeconds(30)), 400))
                .contains("not-a-uuid");

        assertThat(session.get("/v2/VoucherDocumentation?id=" + id).json().get(0).get("HasPdf").asBoolean())
                .isFalse();
    }

    @Test
    void refusesAFileOverThirtyMegabytesWithItsOwn400() {
        String id = postVoucher("doc-5").get("Id").asText();
        long size = 30L * 1024 * 1024 + 1;
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        // streamed from a generator: neither the test nor the sandbox holds the 30 MB whole
        InputStreamBody big = new InputStreamBody(new SequenceInputStream(new ByteArrayInputStream(header),
                new NullInputStream(size - header.length)), ContentType.create("application/pdf"), "stor.pdf", size);
        Response refused = put(id, MultipartEntityBuilder.create().addPart("file", big).build());
        assertThat(problem(refused, 400)).contains("30 MB").contains(String.valueOf(size));
        assertThat(session.get("/v2/VoucherDocumentation?id=" + id).json().get(0).get("HasPdf").asBoolean())
                .isFalse();
    }

    @Test
    void answers404ForAVoucherTheClientDoesNotHave() throws Exception {
        assertThat(problem(put(UUID.randomUUID().toString(), pdfPart(pdf(1))), 404)).contains("not found");
    }

    @Test
    void refusesAReversalForItWasNotImportedThroughTheApi() throws Exception {
        String id = postVoucher("doc-6").get("Id").asText();
        assertThat(session.post("/v2/Vouchers/Reverse/" + id, null).status()).isEqualTo(202);
        JsonNode reversal = session.get("/v2/VoucherDocumentation?voucherNo="
                + adminVoucherWhere("ReversalOf", id).get("VoucherNo").asLong()).json().get(0);
        assertThat(reversal.get("VoucherType").asText()).isEqualTo("ReversalVoucher");
        assertThat(reversal.get("IsImported").asBoolean()).isFalse();

        assertThat(problem(put(reversal.get("VoucherId").asText(), pdfPart(pdf(1))), 400)).contains("imported");
    }

    @Test
    void answers403WithoutThePrivilegeTheAdminTakesAwayAndGivesBack() throws Exception {
        String id = postVoucher("doc-7").get("Id").asText();
        String privileges = "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/privileges/";
        assertThat(adminSend("DELETE", privileges + FULL).statusCode()).isEqualTo(200);
        assertThat(session.get("/v2/ClientIntegrationInformation").json().get("InvalidPrivileges").toString())
                .contains(FULL);
        assertThat(put(id, pdfPart(pdf(1))).status()).isEqualTo(403);
        assertThat(session.get("/v2/VoucherDocumentation?id=" + id).status()).isEqualTo(403);

        // the read-only privilege lists, but does not attach
        assertThat(adminSend("PUT", privileges + "VoucherDocumentation").statusCode()).isEqualTo(200);
        assertThat(session.get("/v2/VoucherDocumentation?id=" + id).status()).isEqualTo(200);
        assertThat(put(id, pdfPart(pdf(1))).status()).isEqualTo(403);

        HttpResponse<byte[]> granted = adminSend("PUT", privileges + FULL);
        assertThat(JSON.readTree(granted.body()).get("invalidPrivileges").toString()).doesNotContain(FULL);
        assertThat(put(id, pdfPart(pdf(1))).status()).isEqualTo(204);
    }

    @Test
    void injectedFaultsHitThePutAloneAndAHungPutIsCarriedOut() throws Exception {
        String id = postVoucher("doc-8").get("Id").asText();
        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 1, "VoucherDocumentation", "PUT"));
        assertThat(session.get("/v2/VoucherDocumentation?id=" + id).status()).as("the GET is untouched")
                .isEqualTo(200);
        assertThat(put(id, pdfPart(pdf(1))).status()).isEqualTo(500);
        assertThat(session.get("/v2/VoucherDocumentation?id=" + id).json().get(0).get("HasPdf").asBoolean())
                .as("a failed PUT stores nothing").isFalse();

        byte[] pdf = pdf(2);
        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 1, "VoucherDocumentation", "PUT"));
        assertThatThrownBy(() -> session.calls().putMultipart(session.token(), "/v2/VoucherDocumentation?id=" + id,
                pdfPart(pdf), Duration.ofSeconds(1)))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(session.get("/v2/VoucherDocumentation?id=" + id).json().get(0).get("HasPdf").asBoolean())
                .as("the lost answer's PUT was carried out").isTrue();
        assertThat(adminGet(documentationUrl(id)).body()).isEqualTo(pdf);
        assertThat(put(id, pdfPart(pdf(1))).status()).as("the fault was used up").isEqualTo(204);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private JsonNode postVoucher(String reference) {
        Response posted = session.post("/v2/Vouchers/CashJournals", session.dailyVoucher(DAY, reference).toString());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json();
    }

    private Response put(String voucherId, HttpEntity multipart) {
        return session.calls().putMultipart(session.token(), "/v2/VoucherDocumentation?id=" + voucherId, multipart);
    }

    private static HttpEntity pdfPart(byte[] pdf) {
        return MultipartEntityBuilder.create()
                .addBinaryBody("file", pdf, ContentType.create("application/pdf"), "dagsoppgjor.pdf").build();
    }

    /** A real PDF whose bytes differ with its number of pages. */
    private static byte[] pdf(int pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private String documentationUrl(String voucherId) {
        return "/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT + "/vouchers/" + voucherId + "/documentation.pdf";
    }

    private JsonNode adminVoucher(String voucherId) throws Exception {
        return adminVoucherWhere("Id", voucherId);
    }

    private JsonNode adminVoucherWhere(String field, String value) throws Exception {
        JsonNode vouchers = JSON.readTree(adminGet("/sandbox/admin/clients/" + SandboxWorld.DEMO_CLIENT
                + "/vouchers").body());
        return SandboxSession.find(vouchers, field, value);
    }

    private HttpResponse<byte[]> adminGet(String path) throws Exception {
        return adminSend("GET", path);
    }

    private HttpResponse<byte[]> adminSend(String method, String path) throws Exception {
        return admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + IntegrationTest.OPERATOR_TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
