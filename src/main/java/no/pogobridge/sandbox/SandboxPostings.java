package no.pogobridge.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.pogobridge.sandbox.SandboxClient.Account;
import no.pogobridge.sandbox.SandboxClient.Customer;
import no.pogobridge.sandbox.SandboxClient.Product;
import no.pogobridge.sandbox.SandboxClient.SalesOrder;
import no.pogobridge.sandbox.SandboxClient.SalesOrderLine;
import no.pogobridge.sandbox.SandboxClient.VatCode;
import no.pogobridge.sandbox.SandboxClient.Voucher;
import no.pogobridge.sandbox.SandboxClient.VoucherLine;
import no.pogobridge.sandbox.SandboxInput.CashVoucherLinePost;
import no.pogobridge.sandbox.SandboxInput.CashVoucherPost;
import no.pogobridge.sandbox.SandboxInput.SalesOrderLinePost;
import no.pogobridge.sandbox.SandboxInput.SalesOrderPost;

/**
 * What PowerOffice does when an integration writes: validate, refuse with its status codes, number and store.
 * Each client is locked while one write runs, so two concurrent posts with one reference give one voucher.
 */
public final class SandboxPostings {

    private static final int MAX_REFERENCE = 50;
    /** PowerOffice's limit on a voucher's PDF ("The max file size is 30Mb"), read as 30 MiB. */
    public static final long MAX_DOCUMENTATION_BYTES = 30L * 1024 * 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** PowerOffice's VoucherType enum, as the official spec lists it. */
    static final List<String> VOUCHER_TYPES = List.of("Unknown", "IncomingInvoice", "IncomingCreditNote",
            "OutgoingInvoice", "OutgoingCreditNote", "IncomingBankRemittance", "IncomingOcrGiro", "ManualJournal",
            "Expense", "CashJournal", "IncomingPayments", "OutgoingPayments", "YearEndJournal", "BankJournal",
            "VatReturns", "PayrollJournal", "OutgoingPaymentReminder", "OutgoingNoticeOfDebtCollection",
            "OutgoingPaymentDemand", "OutgoingWarrantOfExecution", "CorrectionVoucher", "ReversalVoucher",
            "DepreciationJournal", "TravelExpense", "Settlement", "NegativeSettlement",
            "SystemGeneratedDocumentationVoucher");

    private final Clock clock;

    public SandboxPostings(Clock clock) {
        this.clock = clock;
    }

    public Voucher postCashJournal(SandboxClient client, String applicationKey, CashVoucherPost post) {
        if (post == null) {
            throw SandboxProblem.validation("Voucher", "The request body is empty.");
        }
        if (post.voucherDate() == null) {
            throw SandboxProblem.validation("Voucher", "VoucherDate is required.");
        }
        if (post.currencyCode() == null || post.currencyCode().isBlank() || post.currencyCode().length() > 3) {
            throw SandboxProblem.validation("Voucher", "CurrencyCode is required (ISO 4217, 3 letters).");
        }
        if (post.voucherLines() == null || post.voucherLines().isEmpty()) {
            throw SandboxProblem.validation("Voucher", "A voucher must have at least one line.");
        }
        checkReferenceLength(post.externalImportReference(), "Voucher");
        synchronized (client) {
            BigDecimal sum = BigDecimal.ZERO;
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(OSLO));
            List<VoucherLine> lines = new ArrayList<>();
            int index = 0;
            for (CashVoucherLinePost line : post.voucherLines()) {
                index++;
                String where = "VoucherLines[" + (index - 1) + "]";
                if (line.accountId() == null) {
                    throw SandboxProblem.validation("Voucher", where + ".AccountId is required.");
                }
                if (line.vatId() == null) {
                    throw SandboxProblem.validation("Voucher", where + ".VatId is required.");
                }
                if (line.postingDate() == null) {
                    throw SandboxProblem.validation("Voucher", where + ".PostingDate is required.");
                }
                if (line.currencyAmount() == null || line.currencyAmount().signum() == 0) {
                    throw SandboxProblem.validation("Voucher",
                            where + ".CurrencyAmount must be a positive or negative number not 0.");
                }
                if (line.currencyAmount().stripTrailingZeros().scale() > 2) {
                    throw SandboxProblem.validation("Voucher",
                            where + ".CurrencyAmount has more than two decimals: " + line.currencyAmount());
                }
                Account account = client.accounts.get(line.accountId());
                if (account == null) {
                    throw SandboxProblem.notFound("GeneralLedgerAccount with id = " + line.accountId() + " not found.");
                }
                if (!account.active()) {
                    throw SandboxProblem.validation("Voucher", "Account " + account.accountNo() + " (id = "
                            + account.id() + ") is not active.");
                }
                if (!client.vatCodes.containsKey(line.vatId())) {
                    throw SandboxProblem.notFound("VatCode with id = " + line.vatId() + " not found.");
                }
                if (line.departmentId() != null && !client.departments.containsKey(line.departmentId())) {
                    throw SandboxProblem.notFound("Department with id = " + line.departmentId() + " not found.");
                }
                if (line.projectId() != null && !client.projects.containsKey(line.projectId())) {
                    throw SandboxProblem.notFound("Project with id = " + line.projectId() + " not found.");
                }
                checkLockDate(client, line.postingDate(), "Voucher");
                sum = sum.add(line.currencyAmount());
                lines.add(new VoucherLine(client.nextLineId++, line.accountId(), line.vatId(),
                        line.currencyAmount().setScale(2, RoundingMode.UNNECESSARY), line.postingDate(),
                        line.description(), line.departmentId(), line.projectId(), now));
            }
            if (sum.signum() != 0) {
                throw SandboxProblem.validation("Voucher",
                        "The voucher is not balanced: the lines sum to " + sum.toPlainString() + ", not 0.");
            }
            checkLockDate(client, post.voucherDate(), "Voucher");
            String reference = post.externalImportReference();
            if (reference != null && client.voucherReferences.contains(reference)) {
                Voucher existing = client.vouchers.values().stream()
                        .filter(v -> reference.equals(v.externalImportReference) && !v.isReversed())
                        .findFirst().orElseThrow();
                throw SandboxProblem.validation("Voucher", "ExternalImportReference is already in use. '"
                        + reference + "' is used on (voucher) Id = " + existing.id + ".");
            }
            Voucher voucher = new Voucher(UUID.randomUUID(), client.nextVoucherNo++, "CashJournal",
                    post.voucherDate(), post.currencyCode(), post.description(), reference, post.importedVoucherNo(),
                    post.saftSourceId(), post.saftBatchId(), lines, now, applicationKey, null, true);
            client.vouchers.put(voucher.id, voucher);
            if (reference != null) {
                client.voucherReferences.add(reference);
            }
            return voucher;
        }
    }

    /** Only vouchers that this integration (application key) posted to this client can be read back. */
    public Voucher voucher(SandboxClient client, String applicationKey, String id) {
        UUID uuid = parseId(id);
        synchronized (client) {
            Voucher voucher = client.vouchers.get(uuid);
            if (voucher == null || voucher.applicationKey == null
                    || !voucher.applicationKey.equalsIgnoreCase(applicationKey)) {
                throw SandboxProblem.notFound("Voucher with id = " + id + " not found.");
            }
            return voucher;
        }
    }

    /**
     * Posts the mirror image of a voucher, marks the original reversed and frees its reference for reuse. A second
     * reversal is a 409 "Object conflict": the spec declares no 409 here, but it is how PowerOffice words conflicts
     * on posted vouchers elsewhere (an assumption to confirm against the demo environment).
     */
    public Voucher reverse(SandboxClient client, String applicationKey, String id) {
        synchronized (client) {
            Voucher original = voucher(client, applicationKey, id);
            if (original.isReversed()) {
                throw SandboxProblem.conflict("Voucher with id = " + id + " is already reversed by voucher id = "
                        + original.reversedBy + ".");
            }
            if (original.reversalOf() != null) {
                throw SandboxProblem.conflict("Voucher with id = " + id + " is a reversal and cannot be reversed.");
            }
            checkLockDate(client, original.voucherDate, "Voucher");
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(OSLO));
            List<VoucherLine> lines = new ArrayList<>();
            for (VoucherLine line : original.lines) {
                lines.add(new VoucherLine(client.nextLineId++, line.accountId(), line.vatId(), line.amount().negate(),
                        line.postingDate(), line.description(), line.departmentId(), line.projectId(), now));
            }
            Voucher reversal = new Voucher(UUID.randomUUID(), client.nextVoucherNo++, "ReversalVoucher",
                    original.voucherDate, original.currencyCode, "Reversering av bilag " + original.voucherNo, null,
                    null, original.saftSourceId, original.saftBatchId, lines, now, applicationKey, original.id, false);
            client.vouchers.put(reversal.id, reversal);
            original.reversedBy = reversal.id;
            original.lastChangedAt = now;
            if (original.externalImportReference != null) {
                client.voucherReferences.remove(original.externalImportReference);
            }
            return reversal;
        }
    }

    /**
     * A payout booked as PowerOffice books a bank or acquirer import, not as an integration's voucher: no
     * ExternalImportReference, not imported, readable by no integration's GET by id, only in AccountTransactions.
     * Bank debit = amount; clearing credit = amount + fee; fee account debit = fee; every line on the department
     * when one is given. Amounts are positive with at most two decimals; accounts must exist and be active.
     */
    public Voucher bookPayout(SandboxClient client, SandboxInput.PayoutPost payout) {
        String entity = "Payout";
        if (payout == null) {
            throw SandboxProblem.validation(entity, "The request body is empty.");
        }
        if (payout.date() == null) {
            throw SandboxProblem.validation(entity, "date is required (yyyy-MM-dd).");
        }
        positiveAmount(payout.amount(), "amount");
        String type = payout.voucherType() == null ? "BankJournal" : voucherType(payout.voucherType());
        if (type == null) {
            throw SandboxProblem.validation(entity, "voucherType '" + payout.voucherType() + "' is not one of "
                    + "PowerOffice's voucher types " + VOUCHER_TYPES + ".");
        }
        if (payout.fee() != null) {
            positiveAmount(payout.fee().amount(), "fee.amount");
        }
        synchronized (client) {
            Account clearing = payoutAccount(client, payout.clearingAccount(), "clearingAccount");
            Account bank = payoutAccount(client, payout.bankAccount(), "bankAccount");
            if (clearing.id() == bank.id()) {
                throw SandboxProblem.validation(entity, "clearingAccount and bankAccount are both "
                        + bank.accountNo() + "; a payout moves money from the one to the other.");
            }
            Account feeAccount = payout.fee() == null ? null
                    : payoutAccount(client, payout.fee().account(), "fee.account");
            Long departmentId = null;
            if (payout.departmentCode() != null) {
                SandboxClient.Department department = client.departments.values().stream()
                        .filter(d -> d.code().equals(payout.departmentCode())).findFirst()
                        .orElseThrow(() -> SandboxProblem.validation(entity, "departmentCode '"
                                + payout.departmentCode() + "' is not a department of the client."));
                if (!department.active()) {
                    throw SandboxProblem.validation(entity, "Department " + department.code() + " is not active.");
                }
                departmentId = department.id();
            }
            checkLockDate(client, payout.date(), entity);
            long vatId = client.vatCodes.values().stream().filter(v -> v.code().equals("0")).findFirst()
                    .orElseThrow().id();
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(OSLO));
            String description = payout.description() == null || payout.description().isBlank() ? "Utbetaling"
                    : payout.description();
            BigDecimal amount = payout.amount().setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal fee = payout.fee() == null ? BigDecimal.ZERO.setScale(2)
                    : payout.fee().amount().setScale(2, RoundingMode.UNNECESSARY);
            List<VoucherLine> lines = new ArrayList<>();
            lines.add(new VoucherLine(client.nextLineId++, bank.id(), vatId, amount, payout.date(), description,
                    departmentId, null, now));
            if (feeAccount != null) {
                lines.add(new VoucherLine(client.nextLineId++, feeAccount.id(), vatId, fee, payout.date(),
                        description + ", gebyr", departmentId, null, now));
            }
            lines.add(new VoucherLine(client.nextLineId++, clearing.id(), vatId, amount.add(fee).negate(),
                    payout.date(), description, departmentId, null, now));
            Voucher voucher = new Voucher(UUID.randomUUID(), client.nextVoucherNo++, type, payout.date(), "NOK",
                    description, null, null, null, null, lines, now, null, null, false);
            client.vouchers.put(voucher.id, voucher);
            return voucher;
        }
    }

    /** The spec's name for a voucher type, matched case-insensitively as ASP.NET binds enums; null if none. */
    static String voucherType(String given) {
        return VOUCHER_TYPES.stream().filter(t -> t.equalsIgnoreCase(given.trim())).findFirst().orElse(null);
    }

    private static void positiveAmount(BigDecimal amount, String field) {
        if (amount == null) {
            throw SandboxProblem.validation("Payout", field + " is required.");
        }
        if (amount.signum() <= 0) {
            throw SandboxProblem.validation("Payout", field + " must be positive, was " + amount.toPlainString()
                    + ".");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw SandboxProblem.validation("Payout", field + " has more than two decimals: "
                    + amount.toPlainString() + ".");
        }
    }

    private static Account payoutAccount(SandboxClient client, Long accountNo, String field) {
        if (accountNo == null) {
            throw SandboxProblem.validation("Payout", field + " (an account number) is required.");
        }
        Account account = client.accounts.values().stream().filter(a -> a.accountNo() == accountNo).findFirst()
                .orElseThrow(() -> SandboxProblem.validation("Payout", field + " " + accountNo
                        + " is not in the client's chart of accounts (GET /v2/GeneralLedgerAccounts lists it)."));
        if (!account.active()) {
            throw SandboxProblem.validation("Payout", field + " " + accountNo + " is not active.");
        }
        return account;
    }

    /**
     * PUT /VoucherDocumentation: the PDF replaces whatever was attached before. PowerOffice takes documentation only
     * for vouchers an integration imported through the API, only PDFs, and a replacement only from the integration
     * that attached the previous file. Any integration of the client may document an imported voucher.
     */
    public void attachDocumentation(SandboxClient client, String applicationKey, UUID id, byte[] pdf,
            SandboxDocuments documents) {
        if (pdf.length > MAX_DOCUMENTATION_BYTES) {
            throw tooLarge(pdf.length);
        }
        if (pdf.length < PDF_MAGIC.length
                || !java.util.Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw SandboxProblem.validation("VoucherDocumentation",
                    "It is only possible to import PDF files: the file does not start with %PDF-.");
        }
        synchronized (client) {
            Voucher voucher = client.vouchers.get(id);
            if (voucher == null) {
                throw SandboxProblem.notFound("Voucher with id = " + id + " not found.");
            }
            if (!voucher.imported) {
                throw SandboxProblem.validation("VoucherDocumentation", "Voucher with id = " + id + " ("
                        + voucher.type + ") was not imported by the API; documentation can only be added to "
                        + "imported vouchers.");
            }
            if (voucher.documentedBy != null && !voucher.documentedBy.equalsIgnoreCase(applicationKey)) {
                throw SandboxProblem.validation("VoucherDocumentation", "The documentation of voucher with id = "
                        + id + " was imported by another integration; only that integration can replace it.");
            }
            documents.put(id, pdf);
            voucher.documentedBy = applicationKey;
        }
    }

    static SandboxProblem tooLarge(long bytes) {
        return SandboxProblem.validation("VoucherDocumentation", "The file is " + bytes + " bytes; the max file "
                + "size is 30 MB (" + MAX_DOCUMENTATION_BYTES + " bytes).");
    }

    /**
     * A sales order draft. Each line: net = round(Quantity x ProductUnitPrice x (1 - Allowance/100), 2), VAT =
     * round(net x the rate of the product's sales account's VAT code, 2) (accounting-rules.md's working assumption).
     */
    public SalesOrder completeSalesOrder(SandboxClient client, String applicationKey, SalesOrderPost post) {
        if (post == null) {
            throw SandboxProblem.validation("SalesOrder", "The request body is empty.");
        }
        checkReferenceLength(post.externalImportReference(), "SalesOrder");
        if (post.salesOrderStatus() != null && !List.of("Draft", "Confirmed").contains(post.salesOrderStatus())) {
            throw SandboxProblem.validation("SalesOrder",
                    "SalesOrderStatus must be Draft or Confirmed, was '" + post.salesOrderStatus() + "'.");
        }
        synchronized (client) {
            Customer customer = customer(client, post);
            Long departmentId = post.departmentId();
            if (departmentId != null && !client.departments.containsKey(departmentId)) {
                throw SandboxProblem.notFound("Department with id = " + departmentId + " not found.");
            }
            if (departmentId == null && post.departmentCode() != null) {
                departmentId = client.departments.values().stream()
                        .filter(d -> d.code().equals(post.departmentCode())).findFirst()
                        .orElseThrow(() -> SandboxProblem.notFound(
                                "Department with code = " + post.departmentCode() + " not found."))
                        .id();
            }
            String reference = post.externalImportReference();
            if (reference != null && client.salesOrderReferences.contains(reference)) {
                throw SandboxProblem.validation("SalesOrder",
                        "ExternalImportReference is already in use. '" + reference + "' is used on (sales order).");
            }
            List<SalesOrderLine> lines = new ArrayList<>();
            List<SalesOrderLinePost> posted = post.salesOrderLines() == null ? List.of() : post.salesOrderLines();
            int sort = 0;
            for (SalesOrderLinePost line : posted) {
                lines.add(salesOrderLine(client, line, sort++));
            }
            SalesOrder order = new SalesOrder(UUID.randomUUID(), client.nextSalesOrderNo++, customer.id(),
                    customer.number(), post.salesOrderDate() == null ? LocalDate.now(clock) : post.salesOrderDate(),
                    post.salesOrderStatus() == null ? "Draft" : post.salesOrderStatus(),
                    post.currencyCode() == null ? "NOK" : post.currencyCode(), post.customerReference(), reference,
                    post.importedOrderNo(), departmentId, lines, OffsetDateTime.now(clock.withZone(OSLO)),
                    applicationKey);
            client.salesOrders.put(order.id(), order);
            if (reference != null) {
                client.salesOrderReferences.add(reference);
            }
            return order;
        }
    }

    private static Customer customer(SandboxClient client, SalesOrderPost post) {
        if (post.customerId() != null) {
            Customer c = client.customers.get(post.customerId());
            if (c == null) {
                throw SandboxProblem.notFound("Customer with id = " + post.customerId() + " not found.");
            }
            return c;
        }
        if (post.customerNo() != null) {
            return client.customers.values().stream().filter(c -> c.number() == post.customerNo()).findFirst()
                    .orElseThrow(() -> SandboxProblem.notFound("Customer with number = " + post.customerNo()
                            + " not found."));
        }
        throw SandboxProblem.validation("SalesOrder", "CustomerId or CustomerNo is required.");
    }

    private static SalesOrderLine salesOrderLine(SandboxClient client, SalesOrderLinePost line, int sort) {
        String type = line.lineType() == null ? "Normal" : line.lineType();
        int sortOrder = line.sortOrder() == null ? sort : line.sortOrder();
        if ("Text".equals(type)) {
            return new SalesOrderLine(UUID.randomUUID(), type, null, null, line.description(), null, null, null,
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null, null, null, sortOrder);
        }
        if (!"Normal".equals(type)) {
            throw SandboxProblem.validation("SalesOrder", "LineType '" + type + "' is not supported here.");
        }
        Product product;
        if (line.productId() != null) {
            product = client.products.get(line.productId());
            if (product == null) {
                throw SandboxProblem.notFound("Product with id = " + line.productId() + " not found.");
            }
        } else if (line.productCode() != null) {
            product = client.products.values().stream().filter(p -> p.code().equals(line.productCode())).findFirst()
                    .orElseThrow(() -> SandboxProblem.notFound("Product with code = " + line.productCode()
                            + " not found."));
        } else {
            throw SandboxProblem.validation("SalesOrder", "A Normal line needs ProductId or ProductCode.");
        }
        if (product.archived()) {
            throw SandboxProblem.validation("SalesOrder", "Product " + product.code() + " is archived.");
        }
        if (line.quantity() == null) {
            throw SandboxProblem.validation("SalesOrder", "Quantity is required when a product is set.");
        }
        BigDecimal allowance = line.allowance() == null ? BigDecimal.ZERO : line.allowance();
        if (allowance.compareTo(new BigDecimal("-1000")) < 0 || allowance.compareTo(new BigDecimal("100")) > 0) {
            throw SandboxProblem.validation("SalesOrder", "Allowance must be between -1000 and 100.");
        }
        BigDecimal price = line.productUnitPrice() == null ? product.unitPrice() : line.productUnitPrice();
        Account account = client.accounts.values().stream().filter(a -> a.accountNo() == product.salesAccountNo())
                .findFirst().orElseThrow();
        VatCode vat = client.vatCodes.get(account.vatCodeId());
        BigDecimal net = line.quantity().multiply(price)
                .multiply(BigDecimal.ONE.subtract(allowance.movePointLeft(2)))
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal vatAmount = net.multiply(vat.rate()).setScale(2, RoundingMode.HALF_UP);
        return new SalesOrderLine(UUID.randomUUID(), type, product.id(), product.code(),
                line.description() == null ? product.name() : line.description(), line.quantity(), price, allowance,
                net, vatAmount, vat.code(), vat.id(), vat.rate(), sortOrder);
    }

    private static void checkLockDate(SandboxClient client, LocalDate date, String entity) {
        LocalDate lock = client.lockDate;
        if (lock != null && !date.isAfter(lock)) {
            throw SandboxProblem.validation(entity, "The date " + date + " is on or before the lock date " + lock
                    + ". It's not possible to create accounting entries on this date.");
        }
    }

    private static void checkReferenceLength(String reference, String entity) {
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw SandboxProblem.validation(entity, "ExternalImportReference can be at most " + MAX_REFERENCE
                    + " characters, was " + reference.length() + ".");
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // ASP.NET's {id:guid} route constraint does not match, so PowerOffice answers as for an unknown id
            throw SandboxProblem.notFound("Voucher with id = " + id + " not found.");
        }
    }
}
