package no.pogobridge.operator;

/**
 * The shape of every refusal ({@link ProblemJson}), as the OpenAPI description names it for 4xx/5xx answers
 * (responseModel in the REST DSL); OpenApiDocumentTest checks real refusals against it.
 */
public record ProblemDocument(String type, String title, int status, String detail) {
}
