package no.pogobridge.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox's simulated acquirer ({@link SandboxAcquirer}): off unless {@code enabled} (the embedded demo turns it
 * on); when on, it books the payouts due every {@code tick} (default a minute) and before each ledger read.
 */
@ConfigurationProperties("pogo.sandbox.acquirer")
public record SandboxAcquirerProperties(boolean enabled, Duration tick) {

    public SandboxAcquirerProperties {
        if (tick == null) {
            tick = Duration.ofMinutes(1);
        }
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("pogo.sandbox.acquirer.tick must be positive, was " + tick);
        }
    }
}
