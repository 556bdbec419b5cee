package no.pogobridge.sandbox;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The PDFs attached to vouchers (PUT /VoucherDocumentation), held in memory within a byte budget. The sandbox
 * serves a year of a ten-department demo (some 3,650 vouchers of 5-50 kB each) besides the tests, more than is worth
 * holding: past the budget the oldest attachments' bytes are dropped. The voucher itself still says it has a PDF
 * ({@link SandboxClient.Voucher#hasPdf()}), as PowerOffice would; only the sandbox admin's download then answers 404.
 * A replacement counts as the newest. The newest attachment is always kept, even alone over the budget.
 */
final class SandboxDocuments {

    /** Enough for every test and the last thousand or so demo days' PDFs. */
    static final long DEFAULT_BUDGET_BYTES = 64L * 1024 * 1024;

    private final long budgetBytes;
    /** Insertion order: the oldest attachment first. */
    private final Map<UUID, byte[]> pdfs = new LinkedHashMap<>();
    private long heldBytes;

    SandboxDocuments(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized void put(UUID voucherId, byte[] pdf) {
        byte[] previous = pdfs.remove(voucherId);
        if (previous != null) {
            heldBytes -= previous.length;
        }
        pdfs.put(voucherId, pdf);
        heldBytes += pdf.length;
        Iterator<byte[]> oldestFirst = pdfs.values().iterator();
        while (heldBytes > budgetBytes && pdfs.size() > 1) {
            heldBytes -= oldestFirst.next().length;
            oldestFirst.remove();
        }
    }

    /** The stored PDF; empty when none was attached or its bytes were evicted. */
    synchronized Optional<byte[]> pdf(UUID voucherId) {
        return Optional.ofNullable(pdfs.get(voucherId));
    }

    synchronized long heldBytes() {
        return heldBytes;
    }

    synchronized void clear() {
        pdfs.clear();
        heldBytes = 0;
    }
}
