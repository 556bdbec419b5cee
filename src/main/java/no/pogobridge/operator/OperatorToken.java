package no.pogobridge.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bearer token the operator API demands: OPERATOR_TOKEN, or when unset a random one, logged once at start as
 * {@code Operator API token: <token>} (docs/interfaces.md) so the person who started the server can use it.
 */
@Component
public class OperatorToken {

    private static final Logger log = LoggerFactory.getLogger(OperatorToken.class);

    private final byte[] token;

    public OperatorToken(@Value("${pogo.operator.token:}") String configured) {
        String value = configured == null ? "" : configured.strip();
        if (value.isEmpty()) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            log.info("Operator API token: {}", value);
        }
        this.token = value.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so response timing tells nothing about the token. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
