package no.pogobridge.sandbox;

import no.pogobridge.poweroffice.PowerOfficeStandIn;
import org.springframework.stereotype.Component;

/** The built-in sandbox as the PowerOffice the server calls when none is configured. */
@Component
public class SandboxStandIn implements PowerOfficeStandIn {

    @Override
    public String path() {
        return "/sandbox/poweroffice";
    }

    @Override
    public String subscriptionKey() {
        return SandboxKeys.SUBSCRIPTION_KEY;
    }

    @Override
    public String applicationKey() {
        return SandboxKeys.STANDARD_APPLICATION_KEY;
    }
}
