package no.pogobridge.poweroffice;

import java.util.List;

/**
 * PowerOffice's published add-on application keys (seed/README.md): a company connects its first department with
 * the standard extension (slot 0, our own application key) and each further one with add-on 1-9.
 */
public final class ApplicationKeys {

    private ApplicationKeys() {
    }

    public static final List<String> PUBLISHED_ADD_ONS = List.of(
            "4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44",
            "da8860a2-dfe0-444d-905d-85762bcbc4db",
            "dc1711af-ece3-42b4-a167-20760243a7d5",
            "97b982b7-10e1-4e85-b5dc-204df9f45484",
            "72b85765-8757-490c-b105-f2c06347fdab",
            "4e19601a-9ea7-4ca1-91b4-5158e792d8d8",
            "814c555c-bef6-430d-aadc-7ef83ca02444",
            "cbdb5329-cdfe-4728-9d58-7113de86e743",
            "fa02f52c-b813-47d1-94d7-ca5c8f774a78");

    public static final int SLOTS = 10;
}
