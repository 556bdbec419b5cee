package no.pogobridge.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Query parameters read as ASP.NET binds them (names case-insensitive), with PowerOffice's filter syntax: comma
 * lists and number ranges such as {@code "1000-1999, 3000-"}. OData options are refused, as in v2.
 */
final class SandboxQuery {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    SandboxQuery(HttpServletRequest request) {
        request.getParameterMap().forEach((name, given) -> {
            if (name.startsWith("$")) {
                throw new SandboxProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "Bad request",
                        "OData query options such as '" + name + "' are not supported in v2; use PageNumber, "
                                + "PageSize, Fields and the named filters.");
            }
            values.put(name, given[0]);
        });
    }

    String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    Boolean bool(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw bad("The value '" + value + "' is not valid for " + name + ".");
        }
        return Boolean.parseBoolean(value);
    }

    int integer(String name, int fallback) {
        Integer value = parsed(name, false, Integer::valueOf, "");
        return value == null ? fallback : value;
    }

    LocalDate date(String name, boolean required) {
        return parsed(name, required, LocalDate::parse, " (expected yyyy-MM-dd)");
    }

    /**
     * A DateTimeOffset parameter: ISO 8601 with an offset ({@code 2026-03-14T08:03:00.1234567+01:00}) or the form of
     * PowerOffice's examples ({@code 2021-09-25 08:03:00.1234567 -00:00}). An unencoded '+' arrives as a space and is
     * read as the '+' it was.
     */
    java.time.OffsetDateTime offsetDateTime(String name) {
        return parsed(name, false, SandboxQuery::dateTimeOffset, " (expected an ISO 8601 date-time with an offset, "
                + "e.g. 2026-03-14T08:03:00+01:00)");
    }

    private static final java.time.format.DateTimeFormatter SPACED = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME).optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM", "Z").toFormatter();

    private static java.time.OffsetDateTime dateTimeOffset(String value) {
        String v = value.replaceFirst("(\\d) (\\d\\d:\\d\\d)$", "$1+$2");
        return v.indexOf('T') > 0 ? java.time.OffsetDateTime.parse(v) : java.time.OffsetDateTime.parse(v, SPACED);
    }

    /** A Guid-typed parameter: a value ASP.NET cannot bind is a 400, not an unknown id. */
    java.util.UUID uuid(String name, boolean required) {
        return parsed(name, required, SandboxQuery::guid, "");
    }

    private <T> T parsed(String name, boolean required, java.util.function.Function<String, T> parser,
            String expected) {
        String value = get(name);
        if (value == null) {
            if (required) {
                throw bad("The " + name + " field is required.");
            }
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw bad("The value '" + value + "' is not valid for " + name + expected + ".");
        }
    }

    private static java.util.UUID guid(String value) {
        // UUID.fromString also takes short groups such as 1-2-3-4-5, which no Guid parser does
        if (value.length() != 36) {
            throw new IllegalArgumentException(value);
        }
        return java.util.UUID.fromString(value);
    }

    Long number(String name) {
        return parsed(name, false, Long::valueOf, "");
    }

    /** Matches numbers against "1900,1920,3000-3999, 8000-"; no filter given matches all. */
    LongPredicate numbers(String name) {
        String value = get(name);
        if (value == null) {
            return n -> true;
        }
        LongPredicate any = n -> false;
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                int dash = p.indexOf('-', 1);
                if (dash < 0) {
                    long exact = Long.parseLong(p);
                    any = any.or(n -> n == exact);
                } else {
                    long from = Long.parseLong(p.substring(0, dash).trim());
                    String rest = p.substring(dash + 1).trim();
                    long to = rest.isEmpty() ? Long.MAX_VALUE : Long.parseLong(rest);
                    any = any.or(n -> n >= from && n <= to);
                }
            } catch (NumberFormatException e) {
                throw bad("The value '" + value + "' is not valid for " + name + ".");
            }
        }
        return any;
    }

    java.util.Set<String> strings(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        java.util.Set<String> set = new java.util.HashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                set.add(part.trim());
            }
        }
        return set;
    }

    static SandboxProblem bad(String detail) {
        return new SandboxProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "One or more validation errors "
                + "occurred.", detail);
    }
}
