package no.pogobridge.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.pogobridge.operator.Problem;
import no.pogobridge.operator.ProblemJson;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat itself answers before any filter runs (a URL it cannot parse, a header too large) as problem JSON,
 * in place of its HTML error page with the server's version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            String detail = status == 400 ? "The request is malformed (the URL or a header could not be read)."
                    : status >= 500 ? "The server failed to handle this call; the log says why."
                    : "The request was refused (" + status + ").";
            response.getOutputStream().write(ProblemJson.json(new Problem(status, detail))
                    .getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer is under way: nothing more to tell it
        }
    }
}
