package no.pogobridge.operator;

import no.pogobridge.secrets.UnreadableSecretException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Adapts a failed exchange of the operator API to problem JSON (used by routes/error-handling.camel.yaml): an
 * {@link OperatorException} keeps its status and text; a stored client key the server cannot decrypt is answered
 * 500 with what to do (its text names the department and key ids, never a secret); anything else unexpected is
 * logged and answered 500 without internals.
 */
@Component("operatorProblems")
public class OperatorProblems {

    private static final Logger log = LoggerFactory.getLogger(OperatorProblems.class);

    public void render(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        // a bean a route asks in an expression (setProperty: method:) has its failure wrapped by Camel: the
        // answer names what the bean threw, as it would had the bean been a step
        while (failure instanceof org.apache.camel.language.bean.RuntimeBeanExpressionException
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        Problem problem;
        UnreadableSecretException unreadable = unreadableSecret(failure);
        if (failure instanceof OperatorException refusal) {
            problem = new Problem(refusal.status(), refusal.getMessage());
        } else if (unreadable != null) {
            log.error("Operator API call {} {} failed: {}", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_URI), unreadable.getMessage());
            problem = new Problem(500, unreadable.getMessage());
        } else {
            log.error("Operator API call {} {} failed", exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_URI), failure);
            problem = new Problem(500, "The server failed to handle this call; the log says why ("
                    + (failure == null ? "unknown" : failure.getClass().getSimpleName()) + ").");
        }
        // the caller's own headers (its Authorization among them) must not be echoed back with the problem
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        exchange.getMessage().setBody(ProblemJson.json(problem));
    }

    private static UnreadableSecretException unreadableSecret(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableSecretException unreadable) {
                return unreadable;
            }
        }
        return null;
    }
}
