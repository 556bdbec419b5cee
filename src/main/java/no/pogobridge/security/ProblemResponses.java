package no.pogobridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.pogobridge.operator.Problem;
import no.pogobridge.operator.ProblemJson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The gate's refusals as problem JSON (docs/interfaces.md): 401 no or wrong token, 403 a viewer writing, 400 a URL
 * the firewall rejects. */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String detail = failure instanceof InvalidBearerTokenException ? failure.getMessage()
                : "This call needs the header 'Authorization: Bearer <OPERATOR_TOKEN>' (or VIEWER_TOKEN for reading).";
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, new Problem(401, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String call = request.getMethod() + " " + request.getServletPath();
        String detail;
        if (has(caller, OperatorRole.VIEWER)) {
            detail = "This token may only read (GET calls of /api): " + call + " needs the operator token "
                    + "(OPERATOR_TOKEN) or a JWT with the operator role.";
        } else if (has(caller, OperatorRole.OPERATOR)) {
            detail = call + " is not open to callers.";
        } else {
            detail = "The token carries neither the operator nor the viewer role (pogo.operator.jwt.roles-claim "
                    + "and its values, docs/operations.md).";
        }
        write(response, new Problem(403, detail));
    }

    private static boolean has(Authentication caller, OperatorRole role) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(
                role.authority()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        // the firewall's reason names the rule (an encoded slash, a ';' parameter, a '..' segment), never our data
        write(response, new Problem(400, "The URL is refused: " + rejected.getMessage() + ". Spell the path plainly "
                + "(no encoded characters, ';' parameters, dot segments or doubled slashes)."));
    }

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        ProblemJson.write(response, problem);
    }
}
