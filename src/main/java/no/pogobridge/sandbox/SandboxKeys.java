package no.pogobridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

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

    /** Slot 0 is the standard extension, slots 1-9 the add-on application keys. */
    public static final List<String> ADD_ON_APPLICATION_KEYS = List.of(
            "4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44",
            "da8860a2-dfe0-444d-905d-85762bcbc4db",
            "dc1711af-ece3-42b4-a167-20760243a7d5",
            "97b982b7-10e1-4e85-b5dc-204df9f45484",
            "72b85765-8757-490c-b105-f2c06347fdab",
            "4e19601a-9ea7-4ca1-91b4-5158e792d8d8",
            "814c555c-bef6-430d-aadc-7ef83ca02444",
            "cbdb5329-cdfe-4728-9d58-7113de86e743",
            "fa02f52c-b813-47d1-94d7-ca5c8f774a78");

    public static String applicationKey(int slot) {
        return slot == 0 ? STANDARD_APPLICATION_KEY : ADD_ON_APPLICATION_KEYS.get(slot - 1);
    }

    /** The client key a sandbox client shows for one application-key slot. */
    public static String clientKey(String clientCode, int slot) {
        return UUID.nameUUIDFromBytes(("pogo-sandbox:" + clientCode + ":" + slot).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
