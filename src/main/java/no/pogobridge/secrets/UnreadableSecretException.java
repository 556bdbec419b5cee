package no.pogobridge.secrets;

/** A stored secret that cannot be decrypted; the message names whose secret it is and never holds any of it. */
public class UnreadableSecretException extends IllegalStateException {

    public UnreadableSecretException(String message) {
        super(message);
    }
}
