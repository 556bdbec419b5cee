package no.pogobridge.monitoring;

import java.util.StringJoiner;

/**
 * The endpoint label of a PowerOffice call: the path template below the API's version segment, with every segment
 * that is not a plain word replaced by {@code {id}} ({@code /Vouchers/Reverse/{id}}). Ids, keys and tokens never
 * become label values, and the number of series stays that of PowerOffice's endpoints.
 */
public final class PowerOfficeEndpointLabel {

    private PowerOfficeEndpointLabel() {
    }

    /** path: the request URI's path, e.g. /Demo/v2/Vouchers/Reverse/0b5f... or /Demo/OAuth/Token. */
    public static String of(String path) {
        if (path == null || path.isBlank()) {
            return "/";
        }
        String relevant = path;
        int query = relevant.indexOf('?');
        if (query >= 0) {
            relevant = relevant.substring(0, query);
        }
        int version = relevant.toLowerCase().indexOf("/v2/");
        int oauth = relevant.indexOf("/OAuth/");
        if (version >= 0) {
            relevant = relevant.substring(version + 3);
        } else if (oauth >= 0) {
            relevant = relevant.substring(oauth);
        }
        StringJoiner template = new StringJoiner("/", "/", "");
        for (String segment : relevant.split("/")) {
            if (!segment.isEmpty()) {
                template.add(segment.matches("[A-Za-z]{1,40}") ? segment : "{id}");
            }
        }
        return template.toString();
    }
}
