package no.pogobridge.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoucherLineDimensionsTest {

    private static Map<String, Object> journal(int lines) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("AccountId", 4_760_000L + i);
            line.put("DepartmentId", 1_621L);
            list.add(line);
        }
        Map<String, Object> journal = new LinkedHashMap<>();
        journal.put("Description", "Dagsoppgjør 14.03.2026 Bar Løkka (Z 7)");
        journal.put("VoucherLines", list);
        return journal;
    }

    @Test
    @SuppressWarnings("unchecked")
    void setsTheDimensionOnEveryLineAndKeepsTheRest() {
        Map<String, Object> journal = journal(3);
        Map<String, Object> answered = VoucherLineDimensions.onEveryLine(journal, "ProjectId", 7314);
        assertThat(answered).isSameAs(journal);
        for (Map<String, Object> line : (List<Map<String, Object>>) journal.get("VoucherLines")) {
            assertThat(line).containsEntry("ProjectId", 7314L).containsEntry("DepartmentId", 1_621L);
        }
        VoucherLineDimensions.onEveryLine(journal, "DepartmentId", 1_632);
        assertThat((List<Map<String, Object>>) journal.get("VoucherLines"))
                .allSatisfy(line -> assertThat(line).containsEntry("DepartmentId", 1_632L));
    }

    @Test
    void refusesAnUnknownDimensionANonPositiveIdAndABodyThatIsNoJournal() {
        assertThatThrownBy(() -> VoucherLineDimensions.onEveryLine(journal(1), "ProjektId", 7314))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ProjektId'")
                .hasMessageContaining("ProjectId");
        assertThatThrownBy(() -> VoucherLineDimensions.onEveryLine(journal(1), "ProjectId", 0))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> VoucherLineDimensions.onEveryLine("{\"VoucherLines\":[]}", "ProjectId", 7314))
                .hasMessageContaining("before it is marshalled").hasMessageContaining("String");
        assertThatThrownBy(() -> VoucherLineDimensions.onEveryLine(null, "ProjectId", 7314))
                .hasMessageContaining("empty");
    }
}
