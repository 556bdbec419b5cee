package no.pogobridge.poweroffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxStandIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class PowerOfficeEndpointsTest {

    private static PowerOfficeSettings settings(String api, String token, String app, String sub, List<String> addOns) {
        return new PowerOfficeSettings(api, token, app, sub, addOns, 30_000, 5_000, 9, Duration.ofMinutes(10));
    }

    private static ObjectProvider<PowerOfficeStandIn> sandbox() {
        return new StaticListableBeanFactory(Map.of("sandboxStandIn", new SandboxStandIn()))
                .getBeanProvider(PowerOfficeStandIn.class);
    }

    private static ObjectProvider<PowerOfficeStandIn> noStandIn() {
        return new StaticListableBeanFactory().getBeanProvider(PowerOfficeStandIn.class);
    }

    @Test
    void unsetMeansTheSandboxOnThisServersPort() {
        PowerOfficeEndpoints e = new PowerOfficeEndpoints(settings("", "", "", "", List.of()),
                new MockEnvironment().withProperty("local.server.port", "9123"), sandbox());
        assertThat(e.apiUrl()).isEqualTo("http://localhost:9123/sandbox/poweroffice/v2");
        assertThat(e.tokenUrl()).isEqualTo("http://localhost:9123/sandbox/poweroffice/OAuth/Token");
        assertThat(e.applicationKey(0)).isEqualTo(SandboxKeys.STANDARD_APPLICATION_KEY);
        assertThat(e.subscriptionKey()).isEqualTo(SandboxKeys.SUBSCRIPTION_KEY);
    }

    @Test
    void theTokenUrlDefaultsToPowerOfficesLayoutNextToTheApi() {
        PowerOfficeEndpoints e = new PowerOfficeEndpoints(settings("https://goapi.poweroffice.net/Demo/v2/", "",
                "app", "sub", List.of()), new MockEnvironment(), noStandIn());
        assertThat(e.apiUrl()).isEqualTo("https://goapi.poweroffice.net/Demo/v2");
        assertThat(e.tokenUrl()).isEqualTo("https://goapi.poweroffice.net/Demo/OAuth/Token");
    }

    @Test
    void aRealApiWithoutItsKeysStopsStartUpSayingWhatIsMissing() {
        assertThatThrownBy(() -> new PowerOfficeEndpoints(settings("https://goapi.poweroffice.net/v2", "", "", "sub",
                List.of()), new MockEnvironment(), sandbox())).hasMessageContaining("POWEROFFICE_APPLICATION_KEY");
    }

    @Test
    void addOnSlotsUseThePublishedKeysUnlessConfigured() {
        PowerOfficeEndpoints published = new PowerOfficeEndpoints(settings("", "", "", "", List.of()),
                new MockEnvironment(), sandbox());
        assertThat(published.applicationKey(1)).isEqualTo("4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44");
        assertThat(published.applicationKey(9)).isEqualTo("fa02f52c-b813-47d1-94d7-ca5c8f774a78");
        PowerOfficeEndpoints configured = new PowerOfficeEndpoints(settings("", "", "", "",
                List.of("11111111-1111-1111-1111-111111111111")), new MockEnvironment(), sandbox());
        assertThat(configured.applicationKey(1)).isEqualTo("11111111-1111-1111-1111-111111111111");
        assertThat(configured.applicationKey(2)).isEqualTo("da8860a2-dfe0-444d-905d-85762bcbc4db");
        assertThatThrownBy(() -> configured.applicationKey(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnApiUrlABuildWithoutTheSandboxSaysWhatToSet() {
        PowerOfficeEndpoints e = new PowerOfficeEndpoints(settings("", "", "", "", List.of()), new MockEnvironment(),
                noStandIn());
        assertThatThrownBy(e::apiUrl).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POWEROFFICE_API_URL");
    }
}
