package no.pogobridge.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The static bearer tokens: OPERATOR_TOKEN (when unset a random one, logged once at start as
 * {@code Operator API token: <token>}, docs/interfaces.md, so the person who started the server can use it) and the
 * optional read-only VIEWER_TOKEN.
 */
@Component
public class OperatorTokens {

    private static final Logger log = LoggerFactory.getLogger(OperatorTokens.class);

    private final byte[] operator;
    private final byte[] viewer;

    public OperatorTokens(OperatorSecuritySettings settings) {
        String value = settings.token() == null ? "" : settings.token().strip();
        if (value.isEmpty()) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            log.info("Operator API token: {}", value);
        }
        String viewerValue = settings.viewerToken() == null ? "" : settings.viewerToken().strip();
        if (viewerValue.equals(value)) {
            throw new IllegalStateException("VIEWER_TOKEN must differ from OPERATOR_TOKEN: a viewer would be an "
                    + "operator. Give the viewers a token of their own (e.g. openssl rand -base64 24).");
        }
        this.operator = value.getBytes(StandardCharsets.UTF_8);
        this.viewer = viewerValue.isEmpty() ? null : viewerValue.getBytes(StandardCharsets.UTF_8);
    }

    /** The role of a presented token; empty when it is neither. Both are compared in constant time. */
    public Optional<OperatorRole> roleOf(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean isOperator = MessageDigest.isEqual(operator, bytes);
        boolean isViewer = viewer != null && MessageDigest.isEqual(viewer, bytes);
        if (isOperator) {
            return Optional.of(OperatorRole.OPERATOR);
        }
        return isViewer ? Optional.of(OperatorRole.VIEWER) : Optional.empty();
    }
}
