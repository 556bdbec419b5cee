package no.pogobridge.invoicing;

/** A credit order that cannot be sent as it is (customer not linked, product code missing...), with why. */
public class InvoiceRefused extends RuntimeException {

    public InvoiceRefused(String reason) {
        super(reason);
    }
}
