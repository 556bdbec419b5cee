package no.pogobridge.invoicing;

import java.util.Arrays;
import java.util.Locale;
import no.pogobridge.operator.OperatorException;

/**
 * The query of the console's lists (GET /api/credit-orders, GET /api/customers): an optional invoice status and
 * department, and a page (limit, offset), refused with a 400 that says what is allowed. A page is bounded so no
 * list of a busy year is ever held in memory at once.
 */
public record ListQuery(InvoiceState status, Integer departmentId, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static ListQuery parse(String status, String department, String limit, String offset) {
        return new ListQuery(status(status), department == null || department.isBlank() ? null
                : whole("department", department, 1, Integer.MAX_VALUE),
                limit == null || limit.isBlank() ? DEFAULT_LIMIT : whole("limit", limit, 1, MAX_LIMIT),
                offset == null || offset.isBlank() ? 0 : whole("offset", offset, 0, Integer.MAX_VALUE));
    }

    private static InvoiceState status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return InvoiceState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OperatorException.badRequest("status must be one of " + Arrays.toString(InvoiceState.values())
                    + ", was '" + text + "'.");
        }
    }

    private static int whole(String name, String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw OperatorException.badRequest(name + " must be a whole number, was '" + text + "'.");
        }
        if (value < min || value > max) {
            throw OperatorException.badRequest(name + " must be from " + min + (max == Integer.MAX_VALUE ? " up"
                    : " to " + max) + ", was " + value + ".");
        }
        return value;
    }
}
