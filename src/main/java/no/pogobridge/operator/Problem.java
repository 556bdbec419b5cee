package no.pogobridge.operator;

/**
 * An RFC 7807 problem for the operator API: the status and a detail a person can act on.
 */
public record Problem(int status, String detail) {

    public String title() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
