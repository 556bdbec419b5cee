package no.pogobridge.department;

import no.pogobridge.secrets.Secrets;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * How one POS department is tied to PowerOffice GO (accounting-rules.md, "Department connection"). The client key
 * is a secret: it leaves the server only masked ({@link #maskedClientKey()}).
 */
public record DepartmentConnection(int departmentId, String clientKey, int applicationKeySlot,
        String powerOfficeClientId, String powerOfficeClientName, String powerOfficeDepartmentCode,
        LocalTime businessDayStart, boolean autoExport, boolean autoInvoicing, LocalDate exportFrom,
        LocalDate invoicingFrom, LocalDate autoExportSince, LocalDate autoInvoicingSince, boolean autoCorrect) {

    /** When a business day starts unless the connection says otherwise, and for a department not connected. */
    public static final LocalTime DEFAULT_DAY_START = LocalTime.of(5, 0);

    public String maskedClientKey() {
        return Secrets.mask(clientKey);
    }

    /** What PowerOffice calls for this department are made as. */
    public no.pogobridge.poweroffice.Credentials credentials() {
        return new no.pogobridge.poweroffice.Credentials(clientKey, applicationKeySlot);
    }
}
