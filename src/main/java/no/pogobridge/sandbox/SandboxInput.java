package no.pogobridge.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies the sandbox accepts, read case-insensitively as ASP.NET does; unknown fields are ignored. */
public final class SandboxInput {

    private SandboxInput() {
    }

    public record CashVoucherPost(LocalDate voucherDate, String currencyCode, String description,
            String externalImportReference, Long importedVoucherNo, String saftSourceId, String saftBatchId,
            List<CashVoucherLinePost> voucherLines) {
    }

    public record CashVoucherLinePost(Long accountId, BigDecimal currencyAmount, Long vatId, LocalDate postingDate,
            String description, Long departmentId, Long projectId) {
    }

    public record SalesOrderPost(Long customerId, Long customerNo, LocalDate salesOrderDate, String salesOrderStatus,
            String currencyCode, String customerReference, String externalImportReference, Long importedOrderNo,
            Long departmentId, String departmentCode, List<SalesOrderLinePost> salesOrderLines) {
    }

    public record SalesOrderLinePost(String lineType, Long productId, String productCode, String description,
            BigDecimal quantity, BigDecimal productUnitPrice, BigDecimal allowance, Integer sortOrder) {
    }

    /**
     * A payout as a bank or acquirer import books it (admin POST /sandbox/admin/clients/{code}/payouts): the bank is
     * debited {@code amount}, the clearing account credited {@code amount} plus the fee when a fee line is given.
     */
    public record PayoutPost(LocalDate date, Long clearingAccount, Long bankAccount, BigDecimal amount, PayoutFee fee,
            String departmentCode, String description, String voucherType) {
    }

    /** The acquirer's fee, debited to {@code account} (e.g. 7770 Bank- og kortgebyrer). */
    public record PayoutFee(Long account, BigDecimal amount) {
    }
}
