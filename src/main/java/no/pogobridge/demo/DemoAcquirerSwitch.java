package no.pogobridge.demo;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded demo shows settled, open and short-paid clearing days by itself: where it applies (neither POS_DB_URL
 * nor POWEROFFICE_API_URL, auto-setup on), the sandbox's simulated acquirer is switched on. Added as the weakest
 * property source, so POGO_SANDBOX_ACQUIRER_ENABLED=false still turns it off.
 */
public class DemoAcquirerSwitch implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "pogo.sandbox.acquirer.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (EmbeddedDemo.applies(environment.getProperty("pogo.pos-db.url"),
                environment.getProperty("pogo.poweroffice.api-url"),
                environment.getProperty("pogo.demo.auto-setup", Boolean.class, true))) {
            environment.getPropertySources().addLast(new MapPropertySource("embedded-demo-acquirer",
                    Map.of(PROPERTY, "true")));
        }
    }

    /** After application.yaml is read, which says whether a POS or PowerOffice is configured. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
