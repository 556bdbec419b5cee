package no.pogobridge.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shape of the demo POS data: {@code departments} departments, at least {@code minDays} closed days ending
 * yesterday (stretched back to cover the latest two daylight-saving changes), about {@code ordersPerDay} orders a
 * department a day, all drawn from {@code seed}.
 */
@ConfigurationProperties("pogo.demo")
public record DemoDataSettings(long seed, int departments, int minDays, int ordersPerDay) {

    public DemoDataSettings {
        if (departments < 1 || departments > 1000) {
            throw new IllegalArgumentException("pogo.demo.departments must be 1-1000, was " + departments);
        }
        if (minDays < 1) {
            throw new IllegalArgumentException("pogo.demo.min-days must be at least 1, was " + minDays);
        }
        if (ordersPerDay < 0) {
            throw new IllegalArgumentException("pogo.demo.orders-per-day must not be negative, was " + ordersPerDay);
        }
    }
}
