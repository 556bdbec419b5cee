package no.pogobridge.poweroffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * PowerOffice GO for Java callers (master data, the connection check, replay, invoicing's operator calls): each
 * method sends to its route in routes/poweroffice.camel.yaml, where the HTTP method, path, headers and timeouts
 * live, and turns an answer other than OK into a {@link PowerOfficeException} of that kind.
 */
@Component
public class PowerOffice {

    private final ProducerTemplate routes;
    private final ObjectMapper json;
    private final PowerOfficeTokens tokens;

    public PowerOffice(@Lazy ProducerTemplate routes, ObjectMapper json, PowerOfficeTokens tokens) {
        this.routes = routes;
        this.json = json;
        this.tokens = tokens;
    }

    /** Asks PowerOffice for a fresh token: its answer to whether this key pair is valid. */
    public void verifyKeys(Credentials credentials) {
        tokens.forget(credentials);
        Exchange answer = routes.send("direct:poweroffice-fresh-token", exchange ->
                exchange.setProperty(PowerOfficeCalls.CREDENTIALS, credentials));
        tokens.remember(credentials, answer);
    }

    public JsonNode clientInformation(Credentials credentials) {
        return call("direct:poweroffice-client-information", credentials, Map.of(), null);
    }

    public JsonNode lockDateSettings(Credentials credentials) {
        return call("direct:poweroffice-lock-date", credentials, Map.of(), null);
    }

    public List<JsonNode> generalLedgerAccounts(Credentials credentials) {
        return rows(call("direct:poweroffice-general-ledger-accounts", credentials, Map.of(), null));
    }

    public List<JsonNode> vatCodes(Credentials credentials) {
        return rows(call("direct:poweroffice-vat-codes", credentials, Map.of(), null));
    }

    public List<JsonNode> departments(Credentials credentials) {
        return rows(call("direct:poweroffice-departments", credentials, Map.of(), null));
    }

    public List<JsonNode> customers(Credentials credentials) {
        return rows(call("direct:poweroffice-customers", credentials, Map.of(), null));
    }

    public List<JsonNode> products(Credentials credentials) {
        return rows(call("direct:poweroffice-products", credentials, Map.of(), null));
    }

    private JsonNode call(String route, Credentials credentials, Map<String, Object> headers, Object body) {
        Exchange answer = routes.send(route, exchange -> {
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
            exchange.getMessage().setHeader(PowerOfficeCalls.CREDENTIALS, credentials);
            exchange.getMessage().setBody(body == null ? null : write(body));
        });
        if (answer.getException() != null) {
            if (answer.getException() instanceof PowerOfficeException e) {
                throw e;
            }
            throw new IllegalStateException("the PowerOffice route " + route + " failed: "
                    + answer.getException().getMessage(), answer.getException());
        }
        return answer(answer.getMessage().getHeader(PowerOfficeCalls.ANSWER, String.class),
                answer.getMessage().getHeader(PowerOfficeCalls.STATUS, 0, Integer.class), answer.getMessage().getBody());
    }

    /** The answer of a route as the caller sees it: the JSON, or the failure as an exception of its kind. */
    public static JsonNode answer(String kind, int status, Object body) {
        if (PowerOfficeCalls.OK.equals(kind)) {
            if (body == null || body instanceof JsonNode) {
                return (JsonNode) body;
            }
            return new ObjectMapper().valueToTree(body);
        }
        if (kind == null) {
            throw new IllegalStateException("a PowerOffice route answered without PowerOfficeAnswer");
        }
        throw new PowerOfficeException(PowerOfficeException.Kind.valueOf(kind), status, String.valueOf(body));
    }

    private static List<JsonNode> rows(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>();
        if (array != null) {
            array.forEach(rows::add);
        }
        return rows;
    }

    private String write(Object body) {
        try {
            return body instanceof String s ? s : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a PowerOffice request body", e);
        }
    }
}
