package no.pogobridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.pogobridge.poweroffice.ApplicationKeys;

/**
 * The keys the sandbox knows. The standard application key and the subscription key stand in for ours when
 * POWEROFFICE_APPLICATION_KEY and POWEROFFICE_SUBSCRIPTION_KEY are unset; the add-on application keys are the
 * nine published ones (seed/README.md). Client keys are derived from names, so they are the same on every start.
 */
public final class SandboxKeys {

    private SandboxKeys() {
    }

    public static final String STANDARD_APPLICATION_KEY = "6f1d1c3e-7a2b-4d5e-9f80-5a4b3c2d1e0f";

    public static final String SUBSCRIPTION_KEY = "0b5f0c8e4a3d4e6f9a1b2c3d4e5f6a7b";

    /** Slot 0 is the standard extension, slots 1-9 PowerOffice's published add-on application keys. */
    public static final List<String> ADD_ON_APPLICATION_KEYS = ApplicationKeys.PUBLISHED_ADD_ONS;

    public static String applicationKey(int slot) {
        return slot == 0 ? STANDARD_APPLICATION_KEY : ADD_ON_APPLICATION_KEYS.get(slot - 1);
    }

    /** The client key a sandbox client shows for one application-key slot. */
    public static String clientKey(String clientCode, int slot) {
        return UUID.nameUUIDFromBytes(("pogo-sandbox:" + clientCode + ":" + slot).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
