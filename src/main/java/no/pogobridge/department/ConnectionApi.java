package no.pogobridge.department;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import no.pogobridge.businessday.BusinessDayCalendar;
import no.pogobridge.mapping.Setup;
import no.pogobridge.mapping.PosCatalog;
import no.pogobridge.mapping.SetupCompleteness;
import no.pogobridge.mapping.SetupReader;
import no.pogobridge.operator.JsonBodies;
import no.pogobridge.operator.OperatorException;
import no.pogobridge.poweroffice.ApplicationKeys;
import no.pogobridge.poweroffice.Credentials;
import no.pogobridge.poweroffice.PowerOfficeCalls;
import no.pogobridge.poweroffice.PowerOfficeDirectory;
import no.pogobridge.poweroffice.PowerOfficeException;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * PUT /api/departments/{id}/connection: ties a POS department to PowerOffice GO, refusing (docs/interfaces.md) a
 * malformed key, a key PowerOffice rejects, a slot another department of the same PowerOffice client uses, an 11th
 * department, an unknown department code, automatic export while the setup is incomplete, and automatic invoicing
 * while the credit payment type transfers to accounting.
 */
@Component("connectionApi")
public class ConnectionApi {

    public record ConnectionRequest(String clientKey, Integer applicationKeySlot, String powerOfficeDepartmentCode,
            String businessDayStart, Boolean autoExport, Boolean autoInvoicing, String exportFrom,
            String invoicingFrom, Boolean autoCorrect) {
    }

    private final DepartmentConnections connections;
    private final PosCatalog pos;
    private final SetupReader setup;
    private final PowerOfficeDirectory directory;
    private final Clock clock;

    public ConnectionApi(DepartmentConnections connections, PosCatalog pos, SetupReader setup,
            PowerOfficeDirectory directory, Clock clock) {
        this.connections = connections;
        this.pos = pos;
        this.setup = setup;
        this.directory = directory;
        this.clock = clock;
    }

    /** A connection asked for, checked as far as it can be without PowerOffice. */
    public record Connecting(int departmentId, Credentials credentials, LocalTime dayStart, LocalDate exportFrom,
            LocalDate invoicingFrom, boolean autoExport, boolean autoInvoicing, String departmentCode,
            boolean autoCorrect) {
    }

    /** Exchange properties of the route connect-department. */
    public static final String CONNECTING = "connecting";
    public static final String CLIENT_INFORMATION = "clientInformation";
    public static final String MASTER_DATA = "masterData";

    /** The request read and checked (400 for a malformed one, 404 for a department the POS lacks). */
    public Connecting requested(String departmentIdText, String body) {
        int departmentId = JsonBodies.id("department id", departmentIdText);
        if (!pos.departmentExists(departmentId)) {
            throw OperatorException.notFound("The POS has no department " + departmentId
                    + "; GET /api/departments lists them.");
        }
        ConnectionRequest request = JsonBodies.read(body, ConnectionRequest.class);
        String clientKey = ClientKeys.clean(request.clientKey());
        if (request.clientKey() == null || request.clientKey().isBlank()) {
            throw OperatorException.badRequest("clientKey is required: the client key PowerOffice GO shows when the "
                    + "extension is added (Settings > Extensions).");
        }
        if (clientKey == null) {
            throw OperatorException.badRequest("clientKey is not a GUID, even with spaces and quotes trimmed: it "
                    + "should look like 4f6e4b5b-42b3-4fad-a56f-2599ea8fbd44 (36 characters); check that the whole "
                    + "key was copied.");
        }
        Integer slot = request.applicationKeySlot();
        if (slot == null || slot < 0 || slot >= ApplicationKeys.SLOTS) {
            throw OperatorException.badRequest("applicationKeySlot must be 0 (the standard extension) or 1-9 (the "
                    + "add-on application key the client key was created with), was " + slot + ".");
        }
        LocalTime dayStart = dayStart(request.businessDayStart());
        LocalDate exportFrom = JsonBodies.businessDate("exportFrom", request.exportFrom(), clock);
        LocalDate invoicingFrom = JsonBodies.businessDate("invoicingFrom", request.invoicingFrom(), clock);
        boolean autoExport = Boolean.TRUE.equals(request.autoExport());
        boolean autoInvoicing = Boolean.TRUE.equals(request.autoInvoicing());
        String departmentCode = request.powerOfficeDepartmentCode() == null
                || request.powerOfficeDepartmentCode().isBlank() ? null : request.powerOfficeDepartmentCode().strip();

        return new Connecting(departmentId, new Credentials(clientKey, slot), dayStart, exportFrom, invoicingFrom,
                autoExport, autoInvoicing, departmentCode, Boolean.TRUE.equals(request.autoCorrect()));
    }

    /**
     * PowerOffice's answer to the client information, asked with a fresh token (the token request is PowerOffice's
     * verdict on the key pair): a rejected key is 400, no answer 502; a key or slot another department holds, or an
     * 11th department of the client, is 409.
     */
    public PowerOfficeDirectory.ClientInformation verified(@ExchangeProperty(CONNECTING) Connecting connecting,
            @Header(PowerOfficeCalls.ANSWER) String answer, @Header(PowerOfficeCalls.STATUS) Integer status,
            @Body Object body) {
        int departmentId = connecting.departmentId();
        String clientKey = connecting.credentials().clientKey();
        int slot = connecting.credentials().slot();
        PowerOfficeDirectory.ClientInformation client = verify(connecting.credentials(), answer, status, body);
        for (DepartmentConnection other : connections.all().values()) {
            if (other.departmentId() == departmentId) {
                continue;
            }
            if (other.clientKey().equals(clientKey)) {
                throw OperatorException.conflict("This client key is already used by department "
                        + other.departmentId() + ": every POS department needs its own client key.");
            }
            if (client.clientId().equals(other.powerOfficeClientId()) && other.applicationKeySlot() == slot) {
                throw OperatorException.conflict("Application-key slot " + slot + " is already used by department "
                        + other.departmentId() + " for PowerOffice client " + client.clientName() + ": each slot "
                        + "serves one department; create this department's key with another add-on key.");
            }
        }
        long sameClient = connections.all().values().stream()
                .filter(c -> c.departmentId() != departmentId && client.clientId().equals(c.powerOfficeClientId()))
                .count();
        if (sameClient >= ApplicationKeys.SLOTS) {
            throw OperatorException.conflict("PowerOffice client " + client.clientName() + " already has "
                    + ApplicationKeys.SLOTS + " departments connected, the most one company can have.");
        }
        return client;
    }

    /**
     * The connection stored, with the department code checked against PowerOffice's master data (read by the route
     * when a code was given) and the setup against automatic export and invoicing.
     */
    public Map<String, Object> connect(@ExchangeProperty(CONNECTING) Connecting connecting,
            @ExchangeProperty(CLIENT_INFORMATION) PowerOfficeDirectory.ClientInformation client,
            @ExchangeProperty(MASTER_DATA) PowerOfficeDirectory.MasterData masterData) {
        int departmentId = connecting.departmentId();
        String clientKey = connecting.credentials().clientKey();
        int slot = connecting.credentials().slot();
        LocalTime dayStart = connecting.dayStart();
        boolean autoExport = connecting.autoExport();
        boolean autoInvoicing = connecting.autoInvoicing();
        String departmentCode = connecting.departmentCode();
        LocalDate exportFrom = connecting.exportFrom();
        LocalDate invoicingFrom = connecting.invoicingFrom();
        if (departmentCode != null) {
            PowerOfficeDirectory.Department department = masterData.departments()
                    .get(departmentCode);
            if (department == null || !department.active()) {
                throw OperatorException.badRequest("PowerOffice client " + client.clientName() + " has no "
                        + (department == null ? "" : "active ") + "department with code '" + departmentCode + "'.");
            }
        }
        Setup current = setup.read();
        if (autoExport) {
            List<String> missing = SetupCompleteness.missing(current);
            if (!missing.isEmpty()) {
                throw OperatorException.conflict("Automatic export stays off until the setup is complete; still "
                        + "missing: " + String.join("; ", missing));
            }
        }
        if (autoInvoicing) {
            for (Setup.PaymentType type : current.paymentTypes().values()) {
                if ("CREDIT".equals(type.kind()) && current.transfers(type.id())) {
                    throw OperatorException.conflict("Automatic invoicing stays off while payment type '"
                            + type.name() + "' transfers to accounting: the sale would be booked twice. Set its "
                            + "transferToAccounting to false first (PUT /api/mappings/payment-types/" + type.id()
                            + ").");
                }
            }
        }
        DepartmentConnection previous = connections.all().get(departmentId);
        LocalDate today = BusinessDayCalendar.startingAt(dayStart).dateOf(clock.instant());
        LocalDate autoExportSince = !autoExport ? null
                : previous != null && previous.autoExport() ? previous.autoExportSince() : today;
        LocalDate autoInvoicingSince = !autoInvoicing ? null
                : previous != null && previous.autoInvoicing() ? previous.autoInvoicingSince() : today;
        DepartmentConnection stored = new DepartmentConnection(departmentId, clientKey, slot, client.clientId(),
                client.clientName(), departmentCode, dayStart, autoExport, autoInvoicing, exportFrom, invoicingFrom,
                autoExportSince, autoInvoicingSince, connecting.autoCorrect());
        connections.save(stored);
        return DepartmentDirectory.view(stored);
    }

    private PowerOfficeDirectory.ClientInformation verify(Credentials credentials, String answer, Integer status,
            Object body) {
        try {
            return directory.clientInformation(answer, status, body);
        } catch (PowerOfficeException e) {
            if (e.kind() == PowerOfficeException.Kind.UNCERTAIN || e.kind() == PowerOfficeException.Kind.RATE_LIMITED) {
                throw new OperatorException(502, "PowerOffice could not be asked to verify the key: "
                        + e.getMessage() + ". Nothing was stored; try again.");
            }
            throw OperatorException.badRequest("PowerOffice rejected the key: " + e.getMessage() + ". Check that "
                    + "the client key was created with the application key of slot " + credentials.slot()
                    + " and in the same environment (demo or production) as the server's keys.");
        }
    }

    private static LocalTime dayStart(String value) {
        if (value == null || value.isBlank()) {
            return DepartmentConnection.DEFAULT_DAY_START;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw OperatorException.badRequest("businessDayStart must be a time HH:mm such as 05:00, was '" + value
                    + "'.");
        }
    }
}
