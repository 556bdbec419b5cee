package no.pogobridge.drift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** GET /api/drift: the open drift of every department (docs/interfaces.md, "Drift watch"). */
@Component("driftApi")
public class DriftApi {

    private final DriftLedger drift;

    public DriftApi(DriftLedger drift) {
        this.drift = drift;
    }

    public List<Map<String, Object>> open() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DriftLedger.OpenDrift d : drift.open()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("departmentId", d.departmentId());
            row.put("businessDate", d.businessDate());
            row.put("revision", d.revision());
            row.put("since", d.since());
            row.put("locked", d.locked());
            row.put("differences", d.differences());
            rows.add(row);
        }
        return rows;
    }
}
