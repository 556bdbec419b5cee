package no.pogobridge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PowerOfficeEndpointLabelTest {

    @Test
    void theLabelIsThePathBelowTheVersionWithIdsAsPlaceholders() {
        assertThat(PowerOfficeEndpointLabel.of("/Demo/v2/Vouchers/CashJournals")).isEqualTo("/Vouchers/CashJournals");
        assertThat(PowerOfficeEndpointLabel.of("/sandbox/poweroffice/v2/Vouchers/Reverse/"
                + "3f2b8c1e-9d4a-4e7b-8c6d-1a2b3c4d5e6f")).isEqualTo("/Vouchers/Reverse/{id}");
        assertThat(PowerOfficeEndpointLabel.of("/v2/Vouchers/CashJournals/42")).isEqualTo("/Vouchers/CashJournals/{id}");
        assertThat(PowerOfficeEndpointLabel.of("/Demo/v2/GeneralLedgerAccounts?PageNumber=1&PageSize=1000"))
                .isEqualTo("/GeneralLedgerAccounts");
        assertThat(PowerOfficeEndpointLabel.of("/Demo/OAuth/Token")).isEqualTo("/OAuth/Token");
        assertThat(PowerOfficeEndpointLabel.of("/sandbox/poweroffice/OAuth/Token")).isEqualTo("/OAuth/Token");
    }

    @Test
    void noSegmentThatCouldHoldAKeyOrTokenBecomesALabel() {
        String clientKey = "4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44";
        assertThat(PowerOfficeEndpointLabel.of("/v2/Customers/" + clientKey + "/abc123/x_y/" + "A".repeat(60)))
                .isEqualTo("/Customers/{id}/{id}/{id}/{id}").doesNotContain(clientKey);
        assertThat(PowerOfficeEndpointLabel.of(null)).isEqualTo("/");
        assertThat(PowerOfficeEndpointLabel.of("")).isEqualTo("/");
    }
}
