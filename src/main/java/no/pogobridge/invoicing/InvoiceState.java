package no.pogobridge.invoicing;

/**
 * A credit order's invoice status as operators see it (docs/interfaces.md): our internal claim states count as
 * PENDING, since nothing has come of them yet.
 */
public enum InvoiceState {
    PENDING, SENT, FAILED;

    /** The state of an order whose ledger entry is {@code entry} (null: the server has not taken it on). */
    public static InvoiceState of(InvoiceLedger.Entry entry) {
        if (entry == null) {
            return PENDING;
        }
        return switch (entry.status()) {
            case SENT -> SENT;
            case FAILED -> FAILED;
            case CLAIMED, SENDING -> PENDING;
        };
    }
}
