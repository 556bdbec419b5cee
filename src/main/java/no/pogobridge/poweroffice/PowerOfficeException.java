package no.pogobridge.poweroffice;

/**
 * A PowerOffice call that did not succeed, by what it means for the caller: {@link Kind#UNCERTAIN} is the one
 * where a write may or may not have happened (timeout, 5xx, broken connection), so it must be checked before any
 * retry; all others are definite refusals.
 */
public class PowerOfficeException extends RuntimeException {

    public enum Kind {
        /** the token endpoint did not accept the application key / client key pair */
        KEYS_REJECTED,
        /** 401: token missing, invalid or expired */
        UNAUTHORIZED,
        /** 403: the integration lacks a privilege, or the client a module */
        FORBIDDEN,
        /** 404: an id in the path or the body does not exist */
        NOT_FOUND,
        /** 400 / 409 / other 4xx: PowerOffice refused the request as it is */
        REFUSED,
        /** 429 after waiting and retrying */
        RATE_LIMITED,
        /** no answer, or a 5xx: a write may have happened */
        UNCERTAIN
    }

    private final Kind kind;
    private final int status;

    public PowerOfficeException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public PowerOfficeException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}
