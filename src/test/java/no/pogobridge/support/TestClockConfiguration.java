package no.pogobridge.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    MovableClock clock() {
        return new MovableClock();
    }
}
