package no.pogobridge.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.sandbox.SandboxClient.Account;
import no.pogobridge.sandbox.SandboxClient.Customer;
import no.pogobridge.sandbox.SandboxClient.Department;
import no.pogobridge.sandbox.SandboxClient.Product;
import no.pogobridge.sandbox.SandboxClient.Project;
import no.pogobridge.sandbox.SandboxClient.SalesOrder;
import no.pogobridge.sandbox.SandboxClient.SalesOrderLine;
import no.pogobridge.sandbox.SandboxClient.VatCode;
import no.pogobridge.sandbox.SandboxClient.Voucher;
import no.pogobridge.sandbox.SandboxClient.VoucherLine;

/** PowerOffice's response DTOs (PascalCase, as in the official OpenAPI spec) for the sandbox's objects. */
final class SandboxViews {

    private SandboxViews() {
    }

    static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", a.id());
        m.put("AccountNo", a.accountNo());
        m.put("Name", a.name());
        m.put("VatCode", a.vatCode());
        m.put("VatCodeId", a.vatCodeId());
        m.put("IsActive", a.active());
        m.put("IsVatCodeLocked", false);
        m.put("IsDepartmentRequired", false);
        m.put("IsProjectRequired", false);
        m.put("GeneralLedgerAccountType", a.type());
        m.put("CurrencyCode", "NOK");
        return m;
    }

    static Map<String, Object> vatCode(VatCode v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", v.id());
        m.put("Code", v.code());
        m.put("Name", v.name());
        m.put("Rate", v.rate());
        m.put("IsActive", v.active());
        m.put("IsCustom", false);
        m.put("ValidFrom", "2017-01-01");
        m.put("ValidTo", null);
        return m;
    }

    static Map<String, Object> department(Department d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", d.id());
        m.put("Code", d.code());
        m.put("Name", d.name());
        m.put("IsActive", d.active());
        return m;
    }

    static Map<String, Object> project(Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", p.id());
        m.put("Code", p.code());
        m.put("Name", p.name());
        m.put("IsActive", p.active());
        m.put("ProjectStatus", p.active() ? "Active" : "Archived");
        return m;
    }

    static Map<String, Object> customer(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Number", c.number());
        m.put("Name", c.name());
        m.put("OrganizationNumber", c.organizationNumber());
        m.put("EmailAddress", c.email());
        m.put("IsArchived", c.archived());
        m.put("IsActive", !c.archived());
        m.put("IsPerson", c.organizationNumber() == null);
        m.put("SubledgerAccountId", c.subledgerAccountId());
        return m;
    }

    static Map<String, Object> product(Product p, SandboxClient client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", p.id());
        m.put("Code", p.code());
        m.put("Name", p.name());
        m.put("ProductType", "Product");
        m.put("UnitPrice", p.unitPrice());
        m.put("StandardSalesAccount", p.salesAccountNo());
        m.put("StandardSalesAccountId", client.accountByNo(p.salesAccountNo()).map(Account::id).orElse(null));
        m.put("IsArchived", p.archived());
        return m;
    }

    static Map<String, Object> voucher(Voucher v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", v.id);
        m.put("VoucherNo", v.voucherNo);
        m.put("VoucherDate", v.voucherDate);
        m.put("CurrencyCode", v.currencyCode);
        m.put("Description", v.description);
        m.put("ExternalImportReference", v.externalImportReference);
        m.put("ImportedVoucherNo", v.importedVoucherNo);
        m.put("SaftSourceId", v.saftSourceId);
        m.put("SaftBatchId", v.saftBatchId);
        m.put("IsReversed", v.isReversed());
        m.put("CreatedDateTimeOffset", v.createdAt);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (VoucherLine l : v.lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("Id", l.id());
            line.put("AccountId", l.accountId());
            line.put("VatId", l.vatId());
            line.put("CurrencyAmount", l.amount());
            line.put("PostingDate", l.postingDate());
            line.put("Description", l.description());
            line.put("DepartmentId", l.departmentId());
            line.put("ProjectId", l.projectId());
            line.put("CreatedDateTimeOffset", l.createdAt());
            lines.add(line);
        }
        m.put("VoucherLines", lines);
        return m;
    }

    /** VoucherDocumentationDto: the sandbox keeps PDFs only, never images, EHF or sales order attachments. */
    static Map<String, Object> voucherDocumentation(Voucher v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("VoucherId", v.id);
        m.put("VoucherNo", v.voucherNo);
        m.put("VoucherType", v.type);
        m.put("HasPdf", v.hasPdf());
        m.put("HasImages", false);
        m.put("HasEhf", false);
        m.put("HasSalesOrderAttachments", false);
        m.put("IsImported", v.imported);
        return m;
    }

    static Map<String, Object> salesOrder(SalesOrder o, String applicationKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", o.id());
        m.put("SalesOrderNo", o.salesOrderNo());
        m.put("CustomerId", o.customerId());
        m.put("CustomerNo", o.customerNo());
        m.put("SalesOrderDate", o.salesOrderDate());
        m.put("SalesOrderStatus", o.status());
        m.put("CurrencyCode", o.currencyCode());
        m.put("CustomerReference", o.customerReference());
        m.put("ExternalImportReference", o.externalImportReference());
        m.put("ImportedOrderNo", o.importedOrderNo());
        m.put("DepartmentId", o.departmentId());
        m.put("NetAmount", o.netAmount());
        m.put("TotalAmount", o.totalAmount());
        m.put("LineCount", (long) o.lines().size());
        m.put("IsCreatedByCurrentIntegration", o.applicationKey().equalsIgnoreCase(applicationKey));
        m.put("CreatedDateTimeOffset", o.createdAt());
        m.put("LastChangedDateTimeOffset", o.createdAt());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (SalesOrderLine l : o.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("Id", l.id());
            line.put("SalesOrderId", o.id());
            line.put("LineType", l.lineType());
            line.put("ProductId", l.productId());
            line.put("ProductCode", l.productCode());
            line.put("Description", l.description());
            line.put("Quantity", l.quantity());
            line.put("ProductUnitPrice", l.unitPrice());
            line.put("Allowance", l.allowance());
            line.put("NetAmount", l.netAmount());
            line.put("VatAmount", l.vatAmount());
            line.put("TotalAmount", l.totalAmount());
            line.put("VatCode", l.vatCode());
            line.put("VatId", l.vatId());
            line.put("VatRate", l.vatRate());
            line.put("SortOrder", l.sortOrder());
            lines.add(line);
        }
        m.put("SalesOrderLines", lines);
        return m;
    }

    /**
     * One AccountTransaction per voucher line, as PowerOffice reports postings. A reversal's lines link the original
     * (ReversedVoucherId/No); the original's lines say IsReversed and were last changed when it was reversed.
     */
    static List<Map<String, Object>> transactions(Voucher v, SandboxClient client) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Voucher reversed = v.reversalOf == null ? null : client.vouchers.get(v.reversalOf);
        for (VoucherLine l : v.lines) {
            Account account = client.accounts.get(l.accountId());
            VatCode vat = client.vatCodes.get(l.vatId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Id", l.id());
            m.put("AccountId", l.accountId());
            m.put("AccountNo", account.accountNo());
            m.put("Amount", l.amount());
            m.put("CurrencyAmount", l.amount());
            m.put("CurrencyCode", v.currencyCode);
            m.put("VatId", l.vatId());
            m.put("VatCode", vat.code());
            m.put("VatRate", vat.rate());
            m.put("VatAmount", java.math.BigDecimal.ZERO);
            m.put("PostingDate", l.postingDate());
            m.put("VoucherDate", v.voucherDate);
            m.put("VoucherId", v.id);
            m.put("VoucherNo", v.voucherNo);
            m.put("VoucherType", v.type);
            m.put("VoucherDescription", v.description);
            m.put("Description", l.description());
            m.put("ExternalImportReference", v.externalImportReference);
            m.put("ImportedVoucherNo", v.importedVoucherNo);
            m.put("IsReversed", v.isReversed());
            m.put("DepartmentId", l.departmentId());
            m.put("DepartmentCode", l.departmentId() == null ? null
                    : client.departments.get(l.departmentId()).code());
            m.put("ProjectId", l.projectId());
            m.put("ProjectCode", l.projectId() == null ? null : client.projects.get(l.projectId()).code());
            m.put("ReversedVoucherId", v.reversalOf);
            m.put("ReversedVoucherNo", reversed == null ? null : reversed.voucherNo);
            m.put("CreatedDateTimeOffset", l.createdAt());
            m.put("LastChangedDateTimeOffset", v.lastChangedAt);
            rows.add(m);
        }
        return rows;
    }
}
