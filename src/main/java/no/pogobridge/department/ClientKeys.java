package no.pogobridge.department;

import java.util.regex.Pattern;

/**
 * Client keys as people paste them: the published keys come with quotes (seed/README.md), and copies pick up spaces,
 * typographic quotes and braces. Those are trimmed; what remains must be a GUID.
 */
public final class ClientKeys {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String STRAY = " \t\r\n\u00a0\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb{}<>";

    private ClientKeys() {
    }

    /** The cleaned key in lower case, or null when it is not a GUID after cleaning. */
    public static String clean(String pasted) {
        if (pasted == null) {
            return null;
        }
        int start = 0;
        int end = pasted.length();
        while (start < end && STRAY.indexOf(pasted.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && STRAY.indexOf(pasted.charAt(end - 1)) >= 0) {
            end--;
        }
        String key = pasted.substring(start, end);
        return GUID.matcher(key).matches() ? key.toLowerCase(java.util.Locale.ROOT) : null;
    }
}
