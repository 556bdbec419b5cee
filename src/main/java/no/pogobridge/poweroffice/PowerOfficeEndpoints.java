package no.pogobridge.poweroffice;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The URLs and keys to use for PowerOffice: the configured ones, or the stand-in (the built-in sandbox) on this
 * server's own port (read when a call is made, since the port is known only once the web server runs).
 */
@Component
public class PowerOfficeEndpoints {

    private final PowerOfficeSettings settings;
    private final Environment environment;
    private final ObjectProvider<PowerOfficeStandIn> standIn;

    public PowerOfficeEndpoints(PowerOfficeSettings settings, Environment environment,
            ObjectProvider<PowerOfficeStandIn> standIn) {
        this.settings = settings;
        this.environment = environment;
        this.standIn = standIn;
        if (!settings.usesSandbox() && (blank(settings.applicationKey()) || blank(settings.subscriptionKey()))) {
            // the sandbox's keys would only earn "key rejected" from the real service: say what is missing instead
            throw new IllegalStateException("POWEROFFICE_API_URL is set, so POWEROFFICE_APPLICATION_KEY and "
                    + "POWEROFFICE_SUBSCRIPTION_KEY must be set too (the keys of the same PowerOffice environment).");
        }
    }

    public String apiUrl() {
        return settings.usesSandbox() ? sandboxBase() + "/v2" : strip(settings.apiUrl());
    }

    /** The configured token URL; else next to the API as PowerOffice lays them out (.../Demo/v2 -> .../Demo/OAuth/Token). */
    public String tokenUrl() {
        if (!blank(settings.tokenUrl())) {
            return settings.tokenUrl().strip();
        }
        if (settings.usesSandbox()) {
            return sandboxBase() + "/OAuth/Token";
        }
        String api = apiUrl();
        return (api.toLowerCase().endsWith("/v2") ? api.substring(0, api.length() - 3) : api) + "/OAuth/Token";
    }

    public String subscriptionKey() {
        return blank(settings.subscriptionKey()) ? standIn().subscriptionKey() : settings.subscriptionKey().strip();
    }

    /** Slot 0: our application key; slots 1-9: the add-on keys (configured, or PowerOffice's published ones). */
    public String applicationKey(int slot) {
        if (slot < 0 || slot >= ApplicationKeys.SLOTS) {
            throw new IllegalArgumentException("application key slot must be 0-9, was " + slot);
        }
        if (slot == 0) {
            return blank(settings.applicationKey()) ? standIn().applicationKey() : settings.applicationKey().strip();
        }
        List<String> configured = settings.addOnApplicationKeys();
        if (configured != null && configured.size() >= slot && !blank(configured.get(slot - 1))) {
            return configured.get(slot - 1).strip();
        }
        return ApplicationKeys.PUBLISHED_ADD_ONS.get(slot - 1);
    }

    private String sandboxBase() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + standIn().path();
    }

    private PowerOfficeStandIn standIn() {
        PowerOfficeStandIn found = standIn.getIfAvailable();
        if (found == null) {
            throw new IllegalStateException("POWEROFFICE_API_URL is not set and this build has no built-in sandbox: "
                    + "set POWEROFFICE_API_URL, POWEROFFICE_APPLICATION_KEY and POWEROFFICE_SUBSCRIPTION_KEY.");
        }
        return found;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
