package no.pogobridge.secrets;

/**
 * Start-up refused for want of a usable secrets key. The description says what is wrong, the action what to do;
 * {@link SecretsKeyFailureAnalyzer} prints both instead of a stack trace. Neither ever holds a key.
 */
public class SecretsKeyException extends RuntimeException {

    private final String description;
    private final String action;

    public SecretsKeyException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
