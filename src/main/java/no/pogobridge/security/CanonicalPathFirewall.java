package no.pogobridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring's StrictHttpFirewall (encoded slashes, ';' parameters, dot segments, doubled slashes, control characters),
 * and one rule more: the path as sent must be the path as routed. A URI whose raw spelling differs from its
 * decoded, normalised form ({@code /%61pi/...} for {@code /api/...}) is refused, so no filter of the server (ours,
 * the sandbox's gateway, the servlet container's) can ever see one spelling while the router acts on another. None
 * of the server's paths needs an encoded character: ids are numbers and GUIDs, dates ISO, codes plain words.
 */
public final class CanonicalPathFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        FirewalledRequest checked = strict.getFirewalledRequest(request);
        String routed = nullToEmpty(request.getContextPath()) + nullToEmpty(request.getServletPath())
                + nullToEmpty(request.getPathInfo());
        if (!routed.equals(request.getRequestURI())) {
            throw new RequestRejectedException("the path is spelled with encoded characters or path parameters");
        }
        return checked;
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
