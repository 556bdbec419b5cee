package no.pogobridge.poweroffice;

import no.pogobridge.secrets.Secrets;

/** Which integration a PowerOffice call is made as: a client key and the application-key slot it was created under. */
public record Credentials(String clientKey, int slot) {

    @Override
    public String toString() {
        return "Credentials[clientKey=" + Secrets.mask(clientKey) + ", slot=" + slot + "]";
    }
}
