package no.pogobridge.operator;

import org.springframework.http.HttpStatus;

/**
 * An RFC 7807 problem for the operator API: the status and a detail a person can act on.
 */
public record Problem(int status, String detail) {

    public String title() {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
