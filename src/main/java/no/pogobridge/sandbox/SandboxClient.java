package no.pogobridge.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One PowerOffice GO client (a company) inside the sandbox: its master data, what integrations posted to it, and
 * the sequences PowerOffice numbers vouchers and sales orders with. Ids deliberately differ from account numbers,
 * VAT codes and department codes, and between clients, as they do in PowerOffice.
 */
public final class SandboxClient {

    public record Account(long id, long accountNo, String name, String vatCode, Long vatCodeId, String type,
            boolean active) {
    }

    public record VatCode(long id, String code, String name, BigDecimal rate, boolean active) {
    }

    public record Department(long id, String code, String name, boolean active) {
    }

    /** A project: a dimension on voucher lines, like a department. Archived projects are not active. */
    public record Project(long id, String code, String name, boolean active) {
    }

    public record Customer(long id, long number, String name, String organizationNumber, String email,
            boolean archived, long subledgerAccountId) {
    }

    /** unitPrice is ex VAT; VAT comes from the standard sales account's VAT code, as in PowerOffice. */
    public record Product(long id, String code, String name, BigDecimal unitPrice, long salesAccountNo,
            boolean archived) {
    }

    public record VoucherLine(long id, long accountId, long vatId, BigDecimal amount, LocalDate postingDate,
            String description, Long departmentId, Long projectId, OffsetDateTime createdAt) {
    }

    /**
     * A posted voucher. Only {@code reversedBy}, {@code lastChangedAt} and {@code documentedBy} ever change after
     * posting: a reversal stamps the original's lines as changed at the reversal's time, so a client polling
     * AccountTransactions by lastChangedDateTimeOffsetGreaterThan sees them turn IsReversed. {@code imported}:
     * posted by an integration through the API (PowerOffice's IsImported), which is what documentation may be
     * attached to; a reversal PowerOffice posts itself is not.
     */
    public static final class Voucher {
        final UUID id;
        final long voucherNo;
        final String type;
        final LocalDate voucherDate;
        final String currencyCode;
        final String description;
        final String externalImportReference;
        final Long importedVoucherNo;
        final String saftSourceId;
        final String saftBatchId;
        final List<VoucherLine> lines;
        final OffsetDateTime createdAt;
        final String applicationKey;
        final UUID reversalOf;
        final boolean imported;
        volatile UUID reversedBy;
        volatile OffsetDateTime lastChangedAt;
        /** The application key of the integration whose PDF is attached; null: no PDF. */
        volatile String documentedBy;

        Voucher(UUID id, long voucherNo, String type, LocalDate voucherDate, String currencyCode, String description,
                String externalImportReference, Long importedVoucherNo, String saftSourceId, String saftBatchId,
                List<VoucherLine> lines, OffsetDateTime createdAt, String applicationKey, UUID reversalOf,
                boolean imported) {
            this.id = id;
            this.voucherNo = voucherNo;
            this.type = type;
            this.voucherDate = voucherDate;
            this.currencyCode = currencyCode;
            this.description = description;
            this.externalImportReference = externalImportReference;
            this.importedVoucherNo = importedVoucherNo;
            this.saftSourceId = saftSourceId;
            this.saftBatchId = saftBatchId;
            this.lines = List.copyOf(lines);
            this.createdAt = createdAt;
            this.applicationKey = applicationKey;
            this.reversalOf = reversalOf;
            this.imported = imported;
            this.lastChangedAt = createdAt;
        }

        public UUID id() {
            return id;
        }

        public long voucherNo() {
            return voucherNo;
        }

        public String type() {
            return type;
        }

        public LocalDate voucherDate() {
            return voucherDate;
        }

        public String externalImportReference() {
            return externalImportReference;
        }

        public String description() {
            return description;
        }

        public List<VoucherLine> lines() {
            return lines;
        }

        public OffsetDateTime createdAt() {
            return createdAt;
        }

        public OffsetDateTime lastChangedAt() {
            return lastChangedAt;
        }

        public boolean isReversed() {
            return reversedBy != null;
        }

        public UUID reversalOf() {
            return reversalOf;
        }

        public boolean imported() {
            return imported;
        }

        /** Stays true when the sandbox has evicted the PDF's bytes (SandboxDocuments keeps only the newest). */
        public boolean hasPdf() {
            return documentedBy != null;
        }

        public BigDecimal debitTotal() {
            return lines.stream().map(VoucherLine::amount).filter(a -> a.signum() > 0)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record SalesOrderLine(UUID id, String lineType, Long productId, String productCode, String description,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal allowance, BigDecimal netAmount,
            BigDecimal vatAmount, String vatCode, Long vatId, BigDecimal vatRate, int sortOrder) {

        public BigDecimal totalAmount() {
            return netAmount.add(vatAmount);
        }
    }

    public record SalesOrder(UUID id, long salesOrderNo, long customerId, long customerNo, LocalDate salesOrderDate,
            String status, String currencyCode, String customerReference, String externalImportReference,
            Long importedOrderNo, Long departmentId, List<SalesOrderLine> lines, OffsetDateTime createdAt,
            String applicationKey) {

        public BigDecimal netAmount() {
            return lines.stream().map(SalesOrderLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal totalAmount() {
            return lines.stream().map(SalesOrderLine::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    final String code;
    final String clientId;
    final String name;
    final String organizationNumber;
    final List<String> subscriptions;
    final List<String> validPrivileges;
    final List<String> invalidPrivileges;
    final Map<Long, Account> accounts = new LinkedHashMap<>();
    final Map<Long, VatCode> vatCodes = new LinkedHashMap<>();
    final Map<Long, Department> departments = new LinkedHashMap<>();
    final Map<Long, Project> projects = new LinkedHashMap<>();
    final Map<Long, Customer> customers = new LinkedHashMap<>();
    final Map<Long, Product> products = new LinkedHashMap<>();
    final Map<UUID, Voucher> vouchers = new LinkedHashMap<>();
    final Map<UUID, SalesOrder> salesOrders = new LinkedHashMap<>();
    final Set<String> voucherReferences = new HashSet<>();
    final Set<String> salesOrderReferences = new HashSet<>();
    /** What the simulated acquirer has paid out (SandboxAcquirer): one key per account, department, day and part. */
    final Set<String> acquirerPayouts = new HashSet<>();
    LocalDate lockDate;
    long nextVoucherNo;
    long nextSalesOrderNo;
    long nextLineId;

    SandboxClient(String code, String clientId, String name, String organizationNumber, List<String> subscriptions,
            List<String> validPrivileges, List<String> invalidPrivileges, LocalDate lockDate, long firstVoucherNo) {
        this.code = code;
        this.clientId = clientId;
        this.name = name;
        this.organizationNumber = organizationNumber;
        this.subscriptions = subscriptions;
        this.validPrivileges = new ArrayList<>(validPrivileges);
        this.invalidPrivileges = new ArrayList<>(invalidPrivileges);
        this.lockDate = lockDate;
        this.nextVoucherNo = firstVoucherNo;
        this.nextSalesOrderNo = firstVoucherNo / 10;
        this.nextLineId = firstVoucherNo * 100;
    }

    public String code() {
        return code;
    }

    public String clientId() {
        return clientId;
    }

    public String name() {
        return name;
    }

    public synchronized LocalDate lockDate() {
        return lockDate;
    }

    public synchronized void setLockDate(LocalDate lockDate) {
        this.lockDate = lockDate;
    }

    public synchronized List<Voucher> vouchers() {
        return new ArrayList<>(vouchers.values());
    }

    public synchronized List<SalesOrder> salesOrders() {
        return new ArrayList<>(salesOrders.values());
    }

    public synchronized Optional<Account> accountByNo(long accountNo) {
        return accounts.values().stream().filter(a -> a.accountNo() == accountNo).findFirst();
    }

    public synchronized Optional<VatCode> vatCodeByCode(String code) {
        return vatCodes.values().stream().filter(v -> v.code().equals(code)).findFirst();
    }

    public synchronized Optional<Department> departmentByCode(String code) {
        return departments.values().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public synchronized List<Customer> customers() {
        return new ArrayList<>(customers.values());
    }

    public synchronized List<Product> products() {
        return new ArrayList<>(products.values());
    }

    /**
     * A department of the client by its code, added or replaced (the benchmark's ten departments sharing one client,
     * told apart by their codes, as the seeded client has three).
     */
    public synchronized Department putDepartment(String code, String name, boolean active) {
        Department existing = departmentByCode(code).orElse(null);
        long id = existing != null ? existing.id()
                : departments.keySet().stream().mapToLong(Long::longValue).max().orElse(1_600L) + 11L;
        Department department = new Department(id, code, name, active);
        departments.put(id, department);
        return department;
    }

    public synchronized List<Department> departments() {
        return new ArrayList<>(departments.values());
    }

    public synchronized Optional<Project> projectByCode(String code) {
        return projects.values().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public synchronized List<Project> projects() {
        return new ArrayList<>(projects.values());
    }

    public synchronized List<Account> accounts() {
        return new ArrayList<>(accounts.values());
    }

    /**
     * The accountant's change to the chart: an account created (VAT code 0, no VAT treatment; type Income for 3xxx,
     * else Expense), or an existing one renamed, deactivated or activated again. Answers the account as it now is.
     */
    public synchronized Account putAccount(long accountNo, String accountName, boolean active) {
        Account old = accountByNo(accountNo).orElse(null);
        if (old != null) {
            Account changed = new Account(old.id(), accountNo, accountName == null ? old.name() : accountName,
                    old.vatCode(), old.vatCodeId(), old.type(), active);
            accounts.put(old.id(), changed);
            return changed;
        }
        long id = accounts.keySet().stream().mapToLong(Long::longValue).max().orElse(4_760_000) + 37;
        VatCode none = vatCodeByCode("0").orElseThrow();
        Account created = new Account(id, accountNo, accountName == null ? "Konto " + accountNo : accountName,
                none.code(), none.id(), accountNo / 1000 == 3 ? "Income" : "Expense", active);
        accounts.put(id, created);
        return created;
    }

    /** The account taken out of the chart (as if it never existed); false when the client had none by that number. */
    public synchronized boolean removeAccount(long accountNo) {
        return accountByNo(accountNo).map(a -> accounts.remove(a.id()) != null).orElse(false);
    }

    public synchronized List<VatCode> vatCodes() {
        return new ArrayList<>(vatCodes.values());
    }

    synchronized boolean hasPrivilege(String privilege) {
        return privilege == null || validPrivileges.contains(privilege);
    }

    public synchronized List<String> validPrivileges() {
        return List.copyOf(validPrivileges);
    }

    public synchronized List<String> invalidPrivileges() {
        return List.copyOf(invalidPrivileges);
    }

    /** The client gains the privilege, as when its subscription gets the module the privilege needs. */
    public synchronized void grantPrivilege(String privilege) {
        invalidPrivileges.remove(privilege);
        if (!validPrivileges.contains(privilege)) {
            validPrivileges.add(privilege);
        }
    }

    /**
     * The client loses the privilege: PowerOffice then lists it among the integration's InvalidPrivileges and
     * answers 403 on the endpoints that need it.
     */
    public synchronized void revokePrivilege(String privilege) {
        validPrivileges.remove(privilege);
        if (!invalidPrivileges.contains(privilege)) {
            invalidPrivileges.add(privilege);
        }
    }
}
