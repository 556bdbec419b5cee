package no.pogobridge.sandbox;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the sandbox knows: its clients (companies), which client key belongs to which client under which
 * application key, and the access tokens it handed out. {@link #reset()} puts it back to the seeded state.
 */
public final class SandboxWorld {

    /** One activated extension: a client key that works with exactly one application key on one client. */
    public record Integration(String clientKey, String applicationKey, int slot, SandboxClient client) {
    }

    public record Session(String token, Integration integration, Instant expiresAt) {
    }

    public static final String DEMO_CLIENT = "demo-restaurantdrift";
    public static final String NO_INVOICING_CLIENT = "kiosk-uten-faktura";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SandboxClient> clients = new LinkedHashMap<>();
    private final Map<String, Integration> integrations = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SandboxDocuments documents = new SandboxDocuments(SandboxDocuments.DEFAULT_BUDGET_BYTES);

    public SandboxWorld(Clock clock) {
        this.clock = clock;
        seed();
    }

    public synchronized void reset() {
        clients.clear();
        integrations.clear();
        sessions.clear();
        documents.clear();
        seed();
    }

    public synchronized List<SandboxClient> clients() {
        return new ArrayList<>(clients.values());
    }

    public synchronized Optional<SandboxClient> client(String code) {
        return Optional.ofNullable(clients.get(code));
    }

    public synchronized List<Integration> integrations() {
        return new ArrayList<>(integrations.values());
    }

    /** Client credentials: application key as client_id, client key as client_secret. */
    public synchronized Optional<Session> issueToken(String applicationKey, String clientKey, java.time.Duration life) {
        Integration integration = integrations.get(clientKey);
        if (integration == null || !integration.applicationKey().equalsIgnoreCase(applicationKey)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(token, integration, clock.instant().plus(life));
        sessions.put(token, session);
        return Optional.of(session);
    }

    /** The session of a bearer token, if it exists and has not expired. */
    public Optional<Session> session(String token) {
        Session session = token == null ? null : sessions.get(token);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(token);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    public Clock clock() {
        return clock;
    }

    /** The PDFs attached to vouchers, of every client (voucher ids are unique across them). */
    SandboxDocuments documents() {
        return documents;
    }

    private void seed() {
        SandboxClient demo = new SandboxClient(DEMO_CLIENT, "8a3c52e1-6d0f-4b7a-9c1e-0f2d3b4a5c6d",
                "Demo Restaurantdrift AS", "912000111", List.of("Accounting", "Invoicing"),
                List.of("CashVoucher_Full", "YearEndVoucher_Full", "SalesOrders_Full", "Customer",
                        "GeneralLedgerAccount", "CommonServices", "Department", "Project", "Product", "AccountTransaction",
                        "VoucherDocumentation_Full", "TrialBalance"),
                List.of(), LocalDate.of(2025, 12, 31), 10_001);
        fill(demo, 0);
        register(demo, 10);

        SandboxClient kiosk = new SandboxClient(NO_INVOICING_CLIENT, "1b9e7d3c-2a4f-4e6d-8b0a-9c8d7e6f5a4b",
                "Kiosk Uten Faktura AS", "923000222", List.of("Accounting"),
                List.of("CashVoucher_Full", "YearEndVoucher_Full", "Customer", "GeneralLedgerAccount",
                        "CommonServices", "Department", "Project", "Product", "AccountTransaction",
                        "VoucherDocumentation_Full", "TrialBalance"),
                List.of("SalesOrders_Full"), LocalDate.of(2025, 12, 31), 50_001);
        fill(kiosk, 1);
        register(kiosk, 1);
    }

    private void register(SandboxClient client, int slots) {
        clients.put(client.code(), client);
        for (int slot = 0; slot < slots; slot++) {
            String clientKey = SandboxKeys.clientKey(client.code(), slot);
            integrations.put(clientKey,
                    new Integration(clientKey, SandboxKeys.applicationKey(slot), slot, client));
        }
    }

    /** A Norwegian NS 4102 chart, the SAF-T VAT codes, departments, projects, customers and products. */
    private static void fill(SandboxClient c, int clientIndex) {
        long vatBase = 200 + clientIndex * 1_000L;
        String[][] vat = {
            {"0", "Ingen mvabehandling (anskaffelser)", "0"}, {"1", "Inngående mva, høy sats", "0.25"},
            {"11", "Inngående mva, middels sats", "0.15"}, {"12", "Inngående mva, råfisk", "0.1111"},
            {"13", "Inngående mva, lav sats", "0.12"}, {"14", "Inngående mva innførsel, høy sats", "0.25"},
            {"15", "Inngående mva innførsel, middels sats", "0.15"}, {"20", "Grunnlag innførsel, ingen mva", "0"},
            {"21", "Grunnlag innførsel, høy sats", "0.25"}, {"22", "Grunnlag innførsel, middels sats", "0.15"},
            {"3", "Utgående mva, høy sats", "0.25"}, {"31", "Utgående mva, middels sats", "0.15"},
            {"32", "Utgående mva, råfisk", "0.1111"}, {"33", "Utgående mva, lav sats", "0.12"},
            {"5", "Innenlands omsetning fritatt for mva", "0"}, {"51", "Innenlands omsetning, omvendt avgiftsplikt", "0"},
            {"52", "Utførsel av varer og tjenester", "0"}, {"6", "Omsetning utenfor mva-loven", "0"},
            {"7", "Ingen mvabehandling (inntekter)", "0"},
        };
        for (int i = 0; i < vat.length; i++) {
            long id = vatBase + i * 3L;
            c.vatCodes.put(id, new SandboxClient.VatCode(id, vat[i][0], vat[i][1], new BigDecimal(vat[i][2]), true));
        }
        Object[][] chart = {
            {1500L, "Kundefordringer", "0", "Asset", true},
            {1550L, "Clearing bankkort", "0", "Asset", true},
            {1560L, "Clearing Vipps", "0", "Asset", true},
            {1900L, "Kontanter", "0", "Asset", true},
            {1920L, "Bankinnskudd", "0", "Asset", true},
            {2400L, "Leverandørgjeld", "0", "Liability", true},
            {2700L, "Utgående merverdiavgift, høy sats", "0", "Liability", true},
            {2701L, "Utgående merverdiavgift, middels sats", "0", "Liability", true},
            {2901L, "Gavekortgjeld", "0", "Liability", true},
            {3000L, "Salgsinntekt mat, servering", "3", "Income", true},
            {3001L, "Salgsinntekt mat, takeaway", "31", "Income", true},
            {3010L, "Salgsinntekt øl", "3", "Income", true},
            {3020L, "Salgsinntekt vin", "3", "Income", true},
            {3030L, "Salgsinntekt mineralvann, servering", "3", "Income", true},
            {3031L, "Salgsinntekt mineralvann, takeaway", "31", "Income", true},
            {3099L, "Salgsinntekt, gammel konto (sperret)", "3", "Income", false},
            {3100L, "Salgsinntekt, avgiftsfri", "5", "Income", true},
            {7740L, "Øreavrunding", "0", "Expense", true},
            {7770L, "Bank- og kortgebyrer", "0", "Expense", true},
        };
        long accountBase = 4_760_000 + clientIndex * 100_000L;
        for (int i = 0; i < chart.length; i++) {
            long id = accountBase + i * 37L;
            String vatCode = (String) chart[i][2];
            Long vatCodeId = c.vatCodes.values().stream().filter(v -> v.code().equals(vatCode)).findFirst()
                    .map(SandboxClient.VatCode::id).orElse(null);
            c.accounts.put(id, new SandboxClient.Account(id, (Long) chart[i][0], (String) chart[i][1], vatCode,
                    vatCodeId, (String) chart[i][3], (Boolean) chart[i][4]));
        }
        String[][] departments = {{"10", "Restaurant Bryggen", "true"}, {"20", "Bar Løkka", "true"},
            {"30", "Takeaway Torget", "true"}, {"90", "Nedlagt avdeling", "false"}};
        long departmentBase = 1_610 + clientIndex * 10_000L;
        for (int i = 0; i < departments.length; i++) {
            long id = departmentBase + i * 11L;
            c.departments.put(id, new SandboxClient.Department(id, departments[i][0], departments[i][1],
                    Boolean.parseBoolean(departments[i][2])));
        }
        String[][] projects = {{"100", "Catering", "true"}, {"200", "Uteservering Løkka", "true"},
            {"300", "Festivalbar", "true"}, {"900", "Julebord 2024", "false"}};
        long projectBase = 7_301 + clientIndex * 10_000L;
        for (int i = 0; i < projects.length; i++) {
            long id = projectBase + i * 13L;
            c.projects.put(id, new SandboxClient.Project(id, projects[i][0], projects[i][1],
                    Boolean.parseBoolean(projects[i][2])));
        }
        Object[][] customers = {
            {"Fjordkraft Catering AS", "912345670", "faktura@fjordkraft-catering.example", false},
            {"Bergen Byggservice AS", "923456781", "regnskap@byggservice.example", false},
            {"Hotell Nordlys AS", "934567892", "post@nordlys.example", false},
            {"Kari Nordmann", null, "kari@nordmann.example", false},
            {"Vestland Konsulent AS", "945678903", null, false},
            {"Idrettslaget Ørn", "956789014", "kasserer@orn.example", false},
            {"Gammel Kunde AS", "967000333", null, true},
        };
        long customerBase = 4_711 + clientIndex * 100_000L;
        for (int i = 0; i < customers.length; i++) {
            long id = customerBase + i * 17L;
            c.customers.put(id, new SandboxClient.Customer(id, 10_001 + i, (String) customers[i][0],
                    (String) customers[i][1], (String) customers[i][2], (Boolean) customers[i][3], 9_000_000 + id));
        }
        Object[][] products = {
            {"MAT25", "Mat, servering", "151.20", 3000L}, {"MAT15", "Mat, takeaway", "164.35", 3001L},
            {"OL25", "Øl", "87.20", 3010L}, {"VIN25", "Vin", "111.20", 3020L},
            {"MINERAL25", "Mineralvann, servering", "39.20", 3030L}, {"MINERAL15", "Mineralvann, takeaway", "42.61", 3031L},
            {"GAVEKORT", "Gavekort", "500.00", 3100L},
        };
        long productBase = 81_000 + clientIndex * 100_000L;
        for (int i = 0; i < products.length; i++) {
            long id = productBase + i * 23L;
            c.products.put(id, new SandboxClient.Product(id, (String) products[i][0], (String) products[i][1],
                    new BigDecimal((String) products[i][2]), (Long) products[i][3], false));
        }
    }
}
