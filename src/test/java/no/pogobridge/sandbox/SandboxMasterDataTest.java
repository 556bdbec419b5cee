package no.pogobridge.sandbox;

import static no.pogobridge.support.SandboxSession.APP_KEY;
import static no.pogobridge.support.SandboxSession.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import no.pogobridge.support.SandboxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox's master-data lists as PowerOffice answers them: ids apart from numbers and codes, paging, fields, an
 * empty list as 204.
 * <p>Every response of the v2 API is checked against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxMasterDataTest {

    @RegisterExtension
    final SandboxSession session = new SandboxSession();

    @Test
    void listsCarryIdsThatDifferFromNumbersCodesAndOtherClients() {
        Response accounts = session.get("/v2/GeneralLedgerAccounts?accountNos=1900,3000-3099");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.headers().firstValue("X-Pagination")).isPresent();
        List<Long> numbers = new ArrayList<>();
        for (JsonNode a : accounts.json()) {
            numbers.add(a.get("AccountNo").asLong());
            assertThat(a.get("Id").asLong()).isNotEqualTo(a.get("AccountNo").asLong());
        }
        assertThat(numbers).contains(1900L, 3000L, 3001L, 3099L).doesNotContain(1920L, 3100L);

        JsonNode vat3 = find(session.get("/v2/VatCodes").json(), "Code", "3");
        assertThat(vat3.get("Rate").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(vat3.get("Id").asLong()).isNotEqualTo(3L);

        JsonNode dept = session.get("/v2/Departments?codes=10").json().get(0);
        assertThat(dept.get("Code").asText()).isEqualTo("10");
        assertThat(dept.get("Id").asLong()).isNotEqualTo(10L);

        String kiosk = session.calls().accessToken(APP_KEY, SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0));
        assertThat(session.accountId(kiosk, 1900)).isNotEqualTo(session.accountId(session.token(), 1900));
    }

    @Test
    void listsProjectsWithIdsDistinctFromTheirCodes() {
        Response all = session.get("/v2/Projects");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsText("Code")).containsExactly("100", "200", "300", "900");
        JsonNode project = session.get("/v2/Projects?projectCodes=200").json().get(0);
        assertThat(project.get("Name").asText()).isEqualTo("Uteservering Løkka");
        assertThat(project.get("Id").asLong()).isNotEqualTo(200L);
        assertThat(project.get("IsActive").asBoolean()).isTrue();

        assertThat(session.get("/v2/Projects?excludeArchivedProject=true").json().findValuesAsText("Code"))
                .containsExactly("100", "200", "300");
        assertThat(session.get("/v2/Projects?name=løkka").json()).hasSize(1);
        assertThat(session.get("/v2/Projects?projectCodes=999").status()).isEqualTo(204);
        String kiosk = session.calls().accessToken(APP_KEY, SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0));
        assertThat(session.projectId(kiosk, "200")).isNotEqualTo(project.get("Id").asLong());
    }

    @Test
    void answersAnEmptyListWith204AndNoBody() {
        Response none = session.get("/v2/GeneralLedgerAccounts?accountNos=9999");
        assertThat(none.status()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertThat(session.get("/v2/Products?codes=NOSUCH").status()).isEqualTo(204);
    }

    @Test
    void pagesWithXPaginationSelectsFieldsAndRefusesOData() {
        Response first = session.get("/v2/GeneralLedgerAccounts?PageSize=5&PageNumber=1");
        assertThat(first.json()).hasSize(5);
        String pagination = first.headers().firstValue("X-Pagination").orElseThrow();
        assertThat(pagination).contains("\"currentPage\":1").contains("PageNumber=2");

        Response last = session.get("/v2/GeneralLedgerAccounts?PageSize=5&PageNumber=4");
        assertThat(last.headers().firstValue("X-Pagination").orElseThrow()).contains("\"nextPageLink\":null");

        Response fields = session.get("/v2/Customers?Fields=Id,Number,Name");
        fields.json().forEach(c -> assertThat(c.size()).isEqualTo(3));

        assertThat(session.get("/v2/Customers?Fields=Id,NoSuchField").status()).isEqualTo(400);
        assertThat(session.get("/v2/Customers?PageSize=0").status()).isEqualTo(400);
        assertThat(session.get("/v2/Customers?$top=5").status()).isEqualTo(400);
    }
}
