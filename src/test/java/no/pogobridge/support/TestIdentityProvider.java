package no.pogobridge.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A site's identity provider as the operator API meets it: an OpenID issuer on loopback that serves its discovery
 * document and its JWK set, and signs JWTs with its own RSA key. The shared server is configured with it as
 * OPERATOR_JWT_ISSUER_URI (pogo.operator.jwt.issuer-uri), so tests can call the API with the tokens it mints.
 */
public final class TestIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final RSAKey KEY = newKey("test-idp-key");
    private static final HttpServer SERVER = start();
    public static final String ISSUER = "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/realms/pogo";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("pogo.operator.jwt.issuer-uri=" + ISSUER).applyTo(context);
    }

    /** A JWT of this provider for the subject with the given roles claim, valid for five minutes. */
    public static String token(String subject, Object roles) {
        return sign(KEY, claims(subject, roles, ISSUER, Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** The same, expired a minute ago (beyond the decoder's clock skew of 60 s: two minutes). */
    public static String expiredToken(String subject, Object roles) {
        return sign(KEY, claims(subject, roles, ISSUER, Instant.now().minus(Duration.ofMinutes(2))));
    }

    /** A JWT that looks right but is signed by a key this provider does not publish. */
    public static String forgedToken(String subject, Object roles) {
        return sign(newKey("test-idp-key"), claims(subject, roles, ISSUER, Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** Signed by this provider's key but naming another issuer. */
    public static String tokenOfIssuer(String issuer, String subject, Object roles) {
        return sign(KEY, claims(subject, roles, issuer, Instant.now().plus(Duration.ofMinutes(5))));
    }

    private static JWTClaimsSet claims(String subject, Object roles, String issuer, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer)
                .issueTime(Date.from(expires.minus(Duration.ofMinutes(5)))).expirationTime(Date.from(expires));
        if (roles != null) {
            claims.claim("roles", roles);
        }
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/realms/pogo/.well-known/openid-configuration", exchange -> json(exchange,
                    "{\"issuer\":\"" + issuer(server) + "\",\"jwks_uri\":\"" + issuer(server)
                            + "/protocol/openid-connect/certs\",\"subject_types_supported\":[\"public\"]}"));
            server.createContext("/realms/pogo/protocol/openid-connect/certs", exchange -> json(exchange,
                    new JWKSet(KEY.toPublicJWK()).toString()));
            server.setExecutor(null);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String issuer(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/pogo";
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

}
