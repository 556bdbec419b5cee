package no.pogobridge.operator;

/**
 * A refusal the operator API answers with a given status (400 bad input, 404 unknown id, 409 conflicting state).
 * Domain code throws it; the shared route configuration turns it into problem JSON.
 */
public class OperatorException extends RuntimeException {

    private final int status;

    public OperatorException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static OperatorException badRequest(String detail) {
        return new OperatorException(400, detail);
    }

    public static OperatorException notFound(String detail) {
        return new OperatorException(404, detail);
    }

    public static OperatorException conflict(String detail) {
        return new OperatorException(409, detail);
    }
}
