package no.pogobridge.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A text an integration engineer writes in a route, with {@code {name}} placeholders, e.g.
 * {@code "Salg {productType} {rate}%"}. Only the names meant for that text are accepted: a misspelt placeholder
 * stops the day with a message listing the names there are, rather than reaching PowerOffice as literal text. A
 * placeholder without a value is left out together with the space before it, so
 * {@code "Dagsoppgjør {date} {department}"} without a department reads {@code "Dagsoppgjør 14.03.2026"}.
 */
public final class TextTemplate {

    private record Placeholder(String name) {
    }

    private final String what;
    private final String text;
    private final List<Object> parts;

    private TextTemplate(String what, String text, List<Object> parts) {
        this.what = what;
        this.text = text;
        this.parts = parts;
    }

    /**
     * @param what  what the text is, for the error message (e.g. "The sale line text (saleLineText)")
     * @param names the placeholders this text may use
     */
    public static TextTemplate of(String what, String text, Set<String> names) {
        Objects.requireNonNull(text, what);
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = text.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException(what + " '" + text + "' opens a placeholder at position " + i
                        + " that is never closed with '}'" + allowed(names));
            }
            String name = text.substring(i + 1, end);
            if (!names.contains(name)) {
                throw new IllegalArgumentException(what + " '" + text + "' has an unknown placeholder {" + name + "}"
                        + allowed(names));
            }
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
                literal.setLength(0);
            }
            parts.add(new Placeholder(name));
            i = end + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
        }
        return new TextTemplate(what, text, List.copyOf(parts));
    }

    /** The text with each placeholder replaced by its value; a null value is left out with the space before it. */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                String value = values.get(p.name());
                if (value != null) {
                    out.append(value);
                } else if (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return what + ": " + text;
    }

    private static String allowed(Set<String> names) {
        if (names.isEmpty()) {
            return "; it takes no placeholders";
        }
        StringBuilder list = new StringBuilder();
        for (String name : new TreeSet<>(names)) {
            list.append(list.isEmpty() ? "" : ", ").append('{').append(name).append('}');
        }
        return "; it may use " + list;
    }
}
