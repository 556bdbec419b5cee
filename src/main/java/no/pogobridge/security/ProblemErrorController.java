package no.pogobridge.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.pogobridge.operator.Problem;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet layer answers (an unknown path, a wrong method or media type, a failure outside a route)
 * as problem JSON, instead of Spring Boot's {timestamp, error, path} or its white-label HTML page. The detail says
 * what to do; nothing of the failure's internals (stack traces, class names, the server's version) is shown.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        ProblemResponses.write(response, new Problem(status, detail(status, request)));
    }

    static String detail(int status, HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "this path" : String.valueOf(uri);
        return switch (status) {
            case 400 -> "The request is malformed; check the path, the query and the body.";
            case 404 -> "Nothing is at " + path + ": the operator API is under /api (GET /api/openapi.json lists "
                    + "it), the console at /.";
            case 405 -> "This method is not allowed on " + path + " (GET /api/openapi.json lists the methods).";
            case 406 -> "The answer of " + path + " is JSON: accept application/json.";
            case 413 -> "The request body is too large.";
            case 415 -> "The body must be JSON: send 'Content-Type: application/json'.";
            default -> status >= 500 ? "The server failed to handle this call; the log says why."
                    : "The request was refused (" + status + ").";
        };
    }
}
