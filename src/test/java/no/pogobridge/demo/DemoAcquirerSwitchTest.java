package no.pogobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The embedded demo switches the sandbox's acquirer on, and only where the demo applies. */
class DemoAcquirerSwitchTest {

    @Test
    void switchesTheAcquirerOnForTheFullyEmbeddedDemo() {
        assertThat(enabled(Map.of())).isEqualTo("true");
    }

    @Test
    void leavesItOffWithARealPosOrPowerOfficeOrWithoutAutoSetup() {
        assertThat(enabled(Map.of("pogo.pos-db.url", "jdbc:postgresql://pos/db"))).isNull();
        assertThat(enabled(Map.of("pogo.poweroffice.api-url", "https://goapi.poweroffice.net/v2"))).isNull();
        assertThat(enabled(Map.of("pogo.demo.auto-setup", "false"))).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(enabled(Map.of(DemoAcquirerSwitch.PROPERTY, "false"))).isEqualTo("false");
    }

    private static String enabled(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DemoAcquirerSwitch().postProcessEnvironment(environment, null);
        return environment.getProperty(DemoAcquirerSwitch.PROPERTY);
    }
}
