package no.pogobridge.security;

/**
 * What a caller of the operator API may do: an operator everything, a viewer only read (GET calls; the console
 * without its export, replay, resend and mapping buttons).
 */
public enum OperatorRole {
    OPERATOR,
    VIEWER;

    /** The Spring Security authority of the role ({@code hasRole("OPERATOR")} matches {@code ROLE_OPERATOR}). */
    public String authority() {
        return "ROLE_" + name();
    }
}
