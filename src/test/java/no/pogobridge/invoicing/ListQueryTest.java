package no.pogobridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.pogobridge.operator.OperatorException;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void defaultsToTheFirstPageOfFiftyWithoutFilters() {
        assertThat(ListQuery.parse(null, "", null, " ")).isEqualTo(new ListQuery(null, null, 50, 0));
    }

    @Test
    void readsStatusCaseInsensitivelyDepartmentAndPage() {
        assertThat(ListQuery.parse("failed", "2", "500", "100"))
                .isEqualTo(new ListQuery(InvoiceState.FAILED, 2, 500, 100));
    }

    @Test
    void refusesAnUnknownStatusNamingTheAllowedOnes() {
        assertThatThrownBy(() -> ListQuery.parse("CLAIMED", null, null, null))
                .isInstanceOf(OperatorException.class).hasMessageContaining("[PENDING, SENT, FAILED]")
                .hasMessageContaining("'CLAIMED'").extracting(e -> ((OperatorException) e).status()).isEqualTo(400);
    }

    @Test
    void refusesPagesOutsideTheirBounds() {
        assertThatThrownBy(() -> ListQuery.parse(null, null, "0", null)).hasMessageContaining("limit must be from 1 "
                + "to 500, was 0");
        assertThatThrownBy(() -> ListQuery.parse(null, null, "501", null)).hasMessageContaining("was 501");
        assertThatThrownBy(() -> ListQuery.parse(null, null, null, "-1")).hasMessageContaining("offset must be "
                + "from 0 up");
        assertThatThrownBy(() -> ListQuery.parse(null, "two", null, null)).hasMessageContaining("department must be "
                + "a whole number, was 'two'");
    }
}
