package no.pogobridge.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * PowerOffice's official v2 OpenAPI spec (the subset in src/test/resources/poweroffice-openapi, origin noted
 * there) as a checker: request bodies we send and responses the sandbox gives must validate against it.
 */
public final class PowerOfficeContract {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(spec())
            .build();

    private PowerOfficeContract() {
    }

    private static String spec() {
        try (InputStream in = PowerOfficeContract.class.getResourceAsStream(
                "/poweroffice-openapi/openapi-subset.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** path is the API path with its /v2 prefix, e.g. /v2/Vouchers/CashJournals. */
    public static ValidationReport request(String method, String path, String jsonBody) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
        if (jsonBody != null) {
            builder.withContentType("application/json").withBody(jsonBody);
        }
        return VALIDATOR.validateRequest(builder.build());
    }

    /** A multipart upload: its query parameters and content type (the validator does not read multipart bodies). */
    public static ValidationReport upload(String path, java.util.Map<String, String> query, String contentType) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.PUT, path)
                .withContentType(contentType);
        query.forEach(builder::withQueryParam);
        return VALIDATOR.validateRequest(builder.build());
    }

    public static ValidationReport response(String method, String path, int status, String contentType,
            String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return VALIDATOR.validateResponse(path, Request.Method.valueOf(method), builder.build());
    }

    public static String describe(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        report.getMessages().forEach(m -> text.append(m.getKey()).append(": ").append(m.getMessage()).append('\n'));
        return text.toString();
    }
}
