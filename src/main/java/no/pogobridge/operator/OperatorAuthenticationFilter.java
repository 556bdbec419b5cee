package no.pogobridge.operator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every operator call ({@code /api/**}) and every sandbox control ({@code /sandbox/admin/**}) needs
 * {@code Authorization: Bearer <OPERATOR_TOKEN>}; anything else is answered 401 with problem JSON. The OpenAPI
 * description at {@code /api/openapi.json} is open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class OperatorAuthenticationFilter extends OncePerRequestFilter {

    /** The OpenAPI description of the operator API (camel.rest.api-context-path): public, it holds no data. */
    static final String OPENAPI_DOCUMENT = "/api/openapi.json";

    private final OperatorToken token;

    public OperatorAuthenticationFilter(OperatorToken token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals(OPENAPI_DOCUMENT)) {
            return true;
        }
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/sandbox/admin"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            reject(response, "This call needs the header 'Authorization: Bearer <OPERATOR_TOKEN>'.");
            return;
        }
        if (!token.matches(header.substring(7).strip())) {
            reject(response, "The bearer token is not the operator token (OPERATOR_TOKEN, or the one logged at "
                    + "start as 'Operator API token').");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemJson.write(response, new Problem(401, detail));
    }
}
