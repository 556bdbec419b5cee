package no.pogobridge.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceStateTest {

    private static InvoiceLedger.Entry entry(InvoiceLedger.Status status) {
        return new InvoiceLedger.Entry(1, 2, status, "pogo-order-1", 1, null, null, null, null);
    }

    @Test
    void operatorsSeePendingUntilAnOrderIsSentOrFailed() {
        assertThat(InvoiceState.of(null)).isEqualTo(InvoiceState.PENDING);
        assertThat(InvoiceState.of(entry(InvoiceLedger.Status.CLAIMED))).isEqualTo(InvoiceState.PENDING);
        assertThat(InvoiceState.of(entry(InvoiceLedger.Status.SENDING))).isEqualTo(InvoiceState.PENDING);
        assertThat(InvoiceState.of(entry(InvoiceLedger.Status.SENT))).isEqualTo(InvoiceState.SENT);
        assertThat(InvoiceState.of(entry(InvoiceLedger.Status.FAILED))).isEqualTo(InvoiceState.FAILED);
    }
}
