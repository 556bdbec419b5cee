package no.pogobridge.secrets;

/** Keys and tokens are shown only by their last four characters. */
public final class Secrets {

    private Secrets() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return secret;
        }
        if (secret.length() <= 8) {
            return "****";
        }
        return "****" + secret.substring(secret.length() - 4);
    }
}
