package no.pogobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.OperatorCalls;
import no.pogobridge.support.SharedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MappingApiTest {

    @Autowired
    SharedServer server;

    OperatorCalls api;

    @BeforeEach
    void clean() {
        api = server.api();
    }

    @Test
    void listsEveryPosTypeWithItsMappingAndWhatIsMissing() {
        JsonNode empty = api.get("/api/mappings").json();
        assertThat(empty.get("productTypes")).hasSize(5);
        assertThat(empty.get("missing").toString()).contains("Product type 'Mat'").contains("VAT code 'Servering 25%'")
                .contains("Payment type 'Kreditt'").contains("rounding account");

        server.mapDemoCatalogue();
        JsonNode full = api.get("/api/mappings").json();
        assertThat(full.get("missing")).isEmpty();
        assertThat(full.get("productTypes").get(0).get("standardAccount").asInt()).isEqualTo(3000);
        assertThat(full.get("productTypes").get(0).get("standardProductCode").asText()).isEqualTo("MAT25");
        assertThat(full.get("vatCodes").get(1).get("powerOfficeVatCode").asText()).isEqualTo("31");
        assertThat(full.get("paymentTypes").get(4).get("transferToAccounting").asBoolean()).isFalse();
        assertThat(full.get("rounding").get("account").asInt()).isEqualTo(7740);
    }

    @Test
    void answersAndRefusalsNeverEchoTheCallersHeaders() {
        OperatorCalls.Reply refused = api.put("/api/mappings/rounding", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.raw().headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("authorization"));
        OperatorCalls.Reply ok = api.get("/api/mappings");
        assertThat(ok.raw().headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("authorization"));
        assertThat(ok.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void refusesUnknownIdsAndMalformedValuesWithTheFieldNamed() {
        assertThat(api.put("/api/mappings/product-types/99", "{\"standardAccount\":3000,\"reducedAccount\":3001}")
                .status()).isEqualTo(404);
        assertThat(api.put("/api/mappings/product-types/1", "{\"standardAccount\":30,\"reducedAccount\":3001}")
                .detail()).contains("standardAccount").contains("1000 to 99999");
        assertThat(api.put("/api/mappings/product-types/1", "{\"standardAccount\":3000.5,\"reducedAccount\":3001}")
                .status()).isEqualTo(400);
        assertThat(api.put("/api/mappings/product-types/1", "{\"standardAccount\":\"3000\",\"reducedAccount\":3001}")
                .detail()).contains("standardAccount");
        assertThat(api.put("/api/mappings/product-types/1", "{\"standardAccount\":3000}").detail())
                .contains("reducedAccount is required");
        assertThat(api.put("/api/mappings/vat-codes/1", "{\"powerOfficeVatCode\":\"3 %\"}").detail())
                .contains("powerOfficeVatCode");
        assertThat(api.put("/api/mappings/vat-codes/9", "{\"powerOfficeVatCode\":\"3\"}").status()).isEqualTo(404);
        assertThat(api.put("/api/mappings/payment-types/1", "{\"account\":1900}").detail())
                .contains("transferToAccounting");
        assertThat(api.put("/api/mappings/payment-types/1", "{\"transferToAccounting\":true}").detail())
                .contains("account is required");
        assertThat(api.put("/api/mappings/payment-types/5", "{\"transferToAccounting\":false}").status())
                .isEqualTo(200);
        assertThat(api.put("/api/mappings/rounding", "{}").detail()).contains("account is required");
        assertThat(api.put("/api/mappings/rounding", "").status()).isEqualTo(400);
    }
}
