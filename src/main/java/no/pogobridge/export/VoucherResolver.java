package no.pogobridge.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pogobridge.poweroffice.PowerOfficeDirectory.Account;
import no.pogobridge.poweroffice.PowerOfficeDirectory.Department;
import no.pogobridge.poweroffice.PowerOfficeDirectory.MasterData;
import no.pogobridge.poweroffice.PowerOfficeDirectory.VatCode;

/**
 * Turns a voucher in account numbers and VAT codes into PowerOffice's CashVoucherPostDto with ids. An account or
 * VAT code that PowerOffice does not have, or has inactive, is a setup problem reported before anything is posted
 * (accounting-rules.md). Amounts stay BigDecimal until Jackson writes the JSON.
 */
public final class VoucherResolver {

    public record Resolved(Map<String, Object> body, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private VoucherResolver() {
    }

    /** {@code description} is the voucher's text ({@link VoucherDescription}); null leaves it off the body. */
    public static Resolved resolve(DailyVoucher voucher, MasterData powerOffice, String departmentCode,
            String description, String externalReference) {
        Set<String> problems = new LinkedHashSet<>();
        Long departmentId = null;
        if (departmentCode != null) {
            Department department = powerOffice.departments().get(departmentCode);
            if (department == null || !department.active()) {
                problems.add("PowerOffice has no " + (department == null ? "" : "active ") + "department with code '"
                        + departmentCode + "': fix powerOfficeDepartmentCode (PUT /api/departments/"
                        + voucher.departmentId() + "/connection)");
            } else {
                departmentId = department.id();
            }
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (DailyVoucher.VoucherLine line : voucher.lines()) {
            Account account = line.account() == null ? null : powerOffice.accounts().get(line.account().longValue());
            if (line.account() != null && account == null) {
                problems.add("Account " + line.account() + " does not exist in PowerOffice (used for '"
                        + line.description() + "'): create it there or map another account");
            } else if (account != null && !account.active()) {
                problems.add("Account " + line.account() + " is inactive in PowerOffice (used for '"
                        + line.description() + "')");
            }
            VatCode vat = line.vatCode() == null ? null : powerOffice.vatCodes().get(line.vatCode());
            if (line.vatCode() != null && vat == null) {
                problems.add("VAT code " + line.vatCode() + " does not exist in PowerOffice (used for '"
                        + line.description() + "')");
            } else if (vat != null && !vat.active()) {
                problems.add("VAT code " + line.vatCode() + " is inactive in PowerOffice");
            }
            Map<String, Object> dto = new LinkedHashMap<>();
            dto.put("AccountId", account == null ? null : account.id());
            dto.put("VatId", vat == null ? null : vat.id());
            dto.put("CurrencyAmount", line.amount());
            dto.put("PostingDate", voucher.businessDate());
            dto.put("Description", line.description());
            if (departmentId != null) {
                dto.put("DepartmentId", departmentId);
            }
            lines.add(dto);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("VoucherDate", voucher.businessDate());
        body.put("CurrencyCode", "NOK");
        if (description != null) {
            body.put("Description", description);
        }
        body.put("ExternalImportReference", externalReference);
        if (voucher.zNumber() != null) {
            body.put("ImportedVoucherNo", voucher.zNumber().longValue());
        }
        body.put("VoucherLines", lines);
        return new Resolved(body, new ArrayList<>(problems));
    }

    /** Our reference for (department, business date, revision): at most 50 characters, as PowerOffice allows. */
    public static String reference(int departmentId, LocalDate businessDate, int revision) {
        return "pogo-" + departmentId + "-" + businessDate + "-r" + revision;
    }
}
