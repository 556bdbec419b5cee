package no.pogobridge.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server as it runs: embedded PostgreSQL with demo POS data (started by the test itself), the real
 * routes from routes/, the sandbox on a random port. One shared context, so the database starts once per run.
 * The operator token, a viewer token and JWTs of a test identity provider are accepted. The demo period is kept
 * short (still covering both daylight-saving changes) to keep start-up fast. Around every test the server is reset
 * ({@link SharedServer.Reset}); a test arranges what it needs through {@link SharedServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "pogo.operator.token=test-operator-token",
    "pogo.operator.viewer-token=test-viewer-token",
    "pogo.demo.orders-per-day=40",
    "pogo.sandbox.hang=PT4S",
    "pogo.poweroffice.timeout-millis=2000",
    "pogo.invoicing.poll-seconds=3600",
    // the POS and the app database share one embedded server, one clock: no margin, so a test sees exactly which
    // days a pass sums again (DriftCandidatesTest covers the margin)
    "pogo.drift.clock-margin=0s",
    "pogo.demo.auto-setup=false",
    "logging.level.org.apache.camel.test.spring.junit5=WARN",
})
@Import({TestClockConfiguration.class, SharedServer.class})
@ExtendWith(SharedServer.Reset.class) // every test starts on, and leaves, a clean shared server
@ContextConfiguration(initializers = TestIdentityProvider.class) // JWTs of a site's identity provider accepted too
@AutoConfigureObservability(tracing = false) // /actuator/prometheus as in production (tests switch exporters off)
public @interface IntegrationTest {

    String OPERATOR_TOKEN = "test-operator-token";

    String VIEWER_TOKEN = "test-viewer-token";
}
