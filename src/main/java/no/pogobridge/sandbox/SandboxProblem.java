package no.pogobridge.sandbox;

import org.springframework.http.HttpStatus;

/** A refusal the way PowerOffice words it: RFC 7807 ProblemDetails with its titles. */
public class SandboxProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public SandboxProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static SandboxProblem notFound(String detail) {
        return new SandboxProblem(HttpStatus.NOT_FOUND, "Object(s) not found", detail);
    }

    public static SandboxProblem validation(String entity, String detail) {
        return new SandboxProblem(HttpStatus.BAD_REQUEST, entity + " validation error(s)", detail);
    }

    public static SandboxProblem conflict(String detail) {
        return new SandboxProblem(HttpStatus.CONFLICT, "Object conflict", detail);
    }

    public static SandboxProblem forbidden(String detail) {
        return new SandboxProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static SandboxProblem unauthorized(String detail) {
        return new SandboxProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }
}
