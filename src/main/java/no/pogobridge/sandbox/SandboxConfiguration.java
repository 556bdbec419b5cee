package no.pogobridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the sandbox when POWEROFFICE_API_URL is unset. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    SandboxWorld sandboxWorld(Clock clock) {
        log.info("POWEROFFICE_API_URL is unset: using the built-in PowerOffice GO sandbox at /sandbox/poweroffice "
                + "(GET /sandbox/admin/clients lists its demo client keys)");
        return new SandboxWorld(clock);
    }

    @Bean
    SandboxPostings sandboxPostings(Clock clock) {
        return new SandboxPostings(clock);
    }

    @Bean(destroyMethod = "close")
    SandboxAcquirer sandboxAcquirer(SandboxWorld world, SandboxPostings postings, Clock clock,
            SandboxAcquirerProperties properties) {
        return new SandboxAcquirer(world, postings, clock, properties.enabled(), properties.tick(),
                properties.cashDeposits());
    }

    @Bean
    SandboxFaults sandboxFaults() {
        return new SandboxFaults();
    }

    @Bean
    SandboxRequestLog sandboxRequestLog() {
        return new SandboxRequestLog();
    }

    @Bean
    FilterRegistrationBean<SandboxGatewayFilter> sandboxGateway(SandboxProperties properties, SandboxFaults faults,
            SandboxRequestLog requests) {
        // the subscription's quota: N calls in any sliding second, no waiting, shared by every client key
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(properties.requestsPerSecond(), Duration.ofSeconds(1),
                System::nanoTime);
        FilterRegistrationBean<SandboxGatewayFilter> registration = new FilterRegistrationBean<>(
                new SandboxGatewayFilter(limiter, faults, requests, properties.hang()));
        registration.addUrlPatterns(SandboxGatewayFilter.PREFIX + "*");
        return registration;
    }
}
