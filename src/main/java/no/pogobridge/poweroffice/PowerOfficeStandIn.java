package no.pogobridge.poweroffice;

/**
 * A PowerOffice GO double this server serves itself (the built-in sandbox), called when POWEROFFICE_API_URL is not
 * set. An interface here and the sandbox's implementation there, so that the PowerOffice client does not depend
 * on its double: a build without the sandbox must be given a real PowerOffice.
 */
public interface PowerOfficeStandIn {

    /** Where the stand-in answers on this server: its API is {@code <path>/v2}, its token endpoint beside it. */
    String path();

    String subscriptionKey();

    /** The application key of slot 0 (the add-on slots use PowerOffice's published keys, as with the real one). */
    String applicationKey();
}
