package no.pogobridge.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads operator request bodies strictly: unknown fields, numbers given as text or with decimals where an integer
 * belongs, and malformed JSON are refused with a 400 that names the field, instead of being guessed at.
 */
public final class JsonBodies {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private JsonBodies() {
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw OperatorException.badRequest("The request needs a JSON body.");
        }
        try {
            return STRICT.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw OperatorException.badRequest("Unknown field '" + e.getPropertyName() + "'; the fields are "
                    + e.getKnownPropertyIds() + ".");
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? " in field '" + m.getPath().get(m.getPath().size() - 1).getFieldName() + "'" : "";
            throw OperatorException.badRequest("The body is not valid JSON for this call" + field + ": "
                    + e.getOriginalMessage());
        }
    }

    /** A YYYY-MM-DD date from a query or body field; null stays null. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw OperatorException.badRequest(name + " must be a date YYYY-MM-DD, was '" + value + "'.");
        }
    }

    /** The first business date any call takes: earlier ones are typing errors (no POS here is that old). */
    public static final LocalDate EARLIEST_BUSINESS_DATE = LocalDate.of(2000, 1, 1);

    /**
     * A business date of a period, exportFrom or invoicingFrom: a YYYY-MM-DD date from 2000-01-01 to a year after
     * today (Europe/Oslo), refused with the range otherwise; a date like 9999-12-31 would silently never come.
     */
    public static LocalDate businessDate(String name, String value, Clock clock) {
        LocalDate date = date(name, value);
        if (date == null) {
            return null;
        }
        LocalDate latest = LocalDate.now(clock.withZone(OSLO)).plusYears(1);
        if (date.isBefore(EARLIEST_BUSINESS_DATE) || date.isAfter(latest)) {
            throw OperatorException.badRequest(name + " must lie from " + EARLIEST_BUSINESS_DATE + " to " + latest
                    + " (a year from today), was " + date + ".");
        }
        return date;
    }

    public static int id(String name, Object value) {
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw OperatorException.badRequest(name + " must be a whole number, was '" + value + "'.");
        }
    }
}
