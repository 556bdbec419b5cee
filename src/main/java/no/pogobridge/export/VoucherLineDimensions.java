package no.pogobridge.export;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PowerOffice's dimensions on the lines of a journal about to be sent (CashVoucherLinePostDto: DepartmentId,
 * LocationId, ProjectId, ProductId, Dim1Id..Dim3Id, all PowerOffice ids). Routes set one on every line of a day's
 * journal, e.g. a project for one department's sales (README, "Changing a route").
 */
public final class VoucherLineDimensions {

    /** The id-valued dimensions of CashVoucherLinePostDto, as PowerOffice spells them. */
    public static final Set<String> DIMENSIONS = Set.of("DepartmentId", "LocationId", "ProjectId", "ProductId",
            "Dim1Id", "Dim2Id", "Dim3Id");

    private VoucherLineDimensions() {
    }

    /**
     * Sets {@code dimension} to {@code id} on every line of {@code journal} (the CashVoucherPostDto as a map, before
     * it is marshalled) and answers the journal. A dimension PowerOffice does not have, an id that is not positive,
     * or a body that is not such a journal is refused with what to do instead.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> onEveryLine(Object journal, String dimension, long id) {
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("'" + dimension + "' is not a dimension of a PowerOffice voucher line; "
                    + "use one of " + DIMENSIONS.stream().sorted().toList());
        }
        if (id <= 0) {
            throw new IllegalArgumentException(dimension + " must be a PowerOffice id (a positive number), was " + id);
        }
        if (!(journal instanceof Map<?, ?> map) || !(map.get("VoucherLines") instanceof List<?> lines)) {
            throw new IllegalArgumentException("A dimension is set on the journal before it is marshalled (a map "
                    + "with VoucherLines); the body was " + (journal == null ? "empty"
                            : "a " + journal.getClass().getSimpleName()));
        }
        for (Object line : lines) {
            ((Map<String, Object>) line).put(dimension, id);
        }
        return (Map<String, Object>) map;
    }
}
