package no.pogobridge.poweroffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * PowerOffice's master data of one client, in the shapes we need: account numbers, VAT codes and department codes
 * with their ids (v2 wants ids on voucher lines), cached per client key for a while and forgotten on demand (a 400
 * or 404 on a post may mean the chart changed).
 */
@Component
public class PowerOfficeDirectory {

    /** vatCode: the account's default VAT code (what a product on it is invoiced with). */
    public record Account(long id, long accountNo, String name, boolean active, String vatCode) {
    }

    public record VatCode(long id, String code, BigDecimal rate, boolean active) {
    }

    public record Department(long id, String code, String name, boolean active) {
    }

    public record Customer(long id, long number, String name, String organizationNumber, boolean archived) {
    }

    /** A product and the VAT rate (a fraction, 0.25) of its standard sales account. */
    public record Product(long id, String code, java.math.BigDecimal vatRate) {
    }

    public record ClientInformation(String clientId, String clientName, List<String> validPrivileges,
            List<String> invalidPrivileges) {
    }

    public record MasterData(Map<Long, Account> accounts, Map<String, VatCode> vatCodes,
            Map<String, Department> departments) {
    }

    private final Cache<String, MasterData> cache;
    private final Cache<String, Map<String, Product>> productCache;
    /** The lock date moves rarely; a minute's cache spares a call per day when a long period is exported. */
    private final Cache<String, java.util.Optional<LocalDate>> lockDates = Caffeine.newBuilder()
            .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    public PowerOfficeDirectory(PowerOfficeSettings settings) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.masterDataTtl()).build();
        this.productCache = Caffeine.newBuilder().expireAfterWrite(settings.masterDataTtl()).build();
    }



    public void forget(Credentials credentials) {
        cache.invalidate(credentials.clientKey());
        productCache.invalidate(credentials.clientKey());
        lockDates.invalidate(credentials.clientKey());
    }

    /** Forgets everything cached, for every client (PowerOffice's data was changed or reset wholesale). */
    public void forgetAll() {
        cache.invalidateAll();
        productCache.invalidateAll();
        lockDates.invalidateAll();
    }



    /**
     * PowerOffice's reason in a failure a route caught: Camel wraps what a bean throws in an expression (the
     * rows and remember methods above), so the PowerOfficeException is looked for among the causes.
     */
    public static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PowerOfficeException) {
                return cause.getMessage();
            }
        }
        return failure == null ? null : failure.getMessage();
    }

    /** PowerOffice's answer to direct:poweroffice-client-information (a refusal is thrown). */
    public ClientInformation clientInformation(String answer, Integer status, Object body) {
        JsonNode info = answer(answer, status == null ? 0 : status, body);
        return new ClientInformation(info.path("ClientId").asText(null), info.path("ClientName").asText(null),
                strings(info.path("ValidPrivileges")), strings(info.path("InvalidPrivileges")));
    }



    private static java.util.Optional<LocalDate> lockDate(JsonNode settings) {
        String date = settings == null ? null : settings.path("LockDate").asText(null);
        return java.util.Optional.ofNullable(date == null || date.isBlank() ? null
                : LocalDate.parse(date.substring(0, 10)));
    }

    /**
     * The lock date this server knows for the client, for routes that ask PowerOffice themselves when it does not:
     * null while unknown (never asked, or a minute passed), else the date or empty (no lock date).
     */
    public java.util.Optional<LocalDate> cachedLockDate(Credentials credentials) {
        return lockDates.getIfPresent(credentials.clientKey());
    }

    /** PowerOffice's answer to direct:poweroffice-lock-date, remembered for a minute (a refusal is thrown). */
    public java.util.Optional<LocalDate> rememberLockDate(Credentials credentials, String answer, Integer status,
            Object body) {
        java.util.Optional<LocalDate> lockDate = lockDate(answer(answer, status == null ? 0 : status,
                body));
        lockDates.put(credentials.clientKey(), lockDate);
        return lockDate;
    }

    /** The master data this server holds for the client, or null: the route then asks PowerOffice for it. */
    public MasterData cachedMasterData(Credentials credentials) {
        return cache.getIfPresent(credentials.clientKey());
    }

    /** The rows of a list route's answer (direct:poweroffice-general-ledger-accounts...); a refusal is thrown. */
    public List<JsonNode> rows(String answer, Integer status, Object body) {
        List<JsonNode> rows = new ArrayList<>();
        JsonNode array = answer(answer, status == null ? 0 : status, body);
        if (array != null) {
            array.forEach(rows::add);
        }
        return rows;
    }

    /** The three lists as the client's master data, remembered for pogo.poweroffice.master-data-ttl. */
    public MasterData rememberMasterData(Credentials credentials, List<JsonNode> accounts, List<JsonNode> vatCodes,
            List<JsonNode> departments) {
        MasterData master = masterData(accounts, vatCodes, departments);
        cache.put(credentials.clientKey(), master);
        return master;
    }

    /** PowerOffice's answer to direct:poweroffice-customers (a refusal is thrown). */
    public List<Customer> customers(String answer, Integer status, Object body) {
        List<Customer> customers = new ArrayList<>();
        for (JsonNode c : rows(answer, status, body)) {
            customers.add(new Customer(c.path("Id").asLong(), c.path("Number").asLong(), c.path("Name").asText(),
                    c.path("OrganizationNumber").asText(null), c.path("IsArchived").asBoolean(false)));
        }
        return customers;
    }

    /** The products this server holds for the client, or null: the route then asks PowerOffice for them. */
    public Map<String, Product> cachedProducts(Credentials credentials) {
        return productCache.getIfPresent(credentials.clientKey());
    }

    /**
     * PowerOffice's answer to direct:poweroffice-products with the VAT rates of the client's master data, remembered
     * for pogo.poweroffice.master-data-ttl (a refusal is thrown).
     */
    public Map<String, Product> rememberProducts(Credentials credentials, MasterData master, String answer,
            Integer status, Object body) {
        Map<String, Product> products = products(master, rows(answer, status, body));
        productCache.put(credentials.clientKey(), products);
        return products;
    }



    private static Map<String, Product> products(MasterData master, List<JsonNode> rows) {
        Map<Long, Account> accountsById = new LinkedHashMap<>();
        master.accounts().values().forEach(a -> accountsById.put(a.id(), a));
        Map<String, Product> products = new LinkedHashMap<>();
        for (JsonNode p : rows) {
            Account account = accountsById.get(p.path("StandardSalesAccountId").asLong());
            VatCode vat = account == null || account.vatCode() == null ? null
                    : master.vatCodes().get(account.vatCode());
            products.put(p.path("Code").asText(), new Product(p.path("Id").asLong(), p.path("Code").asText(),
                    vat == null ? null : vat.rate()));
        }
        return products;
    }



    private static MasterData masterData(List<JsonNode> accountRows, List<JsonNode> vatCodeRows,
            List<JsonNode> departmentRows) {
        Map<Long, Account> accounts = new LinkedHashMap<>();
        for (JsonNode a : accountRows) {
            accounts.put(a.path("AccountNo").asLong(), new Account(a.path("Id").asLong(), a.path("AccountNo").asLong(),
                    a.path("Name").asText(), a.path("IsActive").asBoolean(true), a.path("VatCode").asText(null)));
        }
        Map<String, VatCode> vatCodes = new LinkedHashMap<>();
        for (JsonNode v : vatCodeRows) {
            vatCodes.put(v.path("Code").asText(), new VatCode(v.path("Id").asLong(), v.path("Code").asText(),
                    v.path("Rate").decimalValue(), v.path("IsActive").asBoolean(true)));
        }
        Map<String, Department> departments = new LinkedHashMap<>();
        for (JsonNode d : departmentRows) {
            departments.put(d.path("Code").asText(), new Department(d.path("Id").asLong(), d.path("Code").asText(),
                    d.path("Name").asText(), d.path("IsActive").asBoolean(true)));
        }
        return new MasterData(accounts, vatCodes, departments);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /** The answer of a PowerOffice route as a caller takes it: the JSON, or the refusal as an exception of its kind. */
    static JsonNode answer(String kind, int status, Object body) {
        if (PowerOfficeCalls.OK.equals(kind)) {
            if (body == null || body instanceof JsonNode) {
                return (JsonNode) body;
            }
            return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(body);
        }
        if (kind == null) {
            throw new IllegalStateException("a PowerOffice route answered without PowerOfficeAnswer");
        }
        throw new PowerOfficeException(PowerOfficeException.Kind.valueOf(kind), status, String.valueOf(body));
    }
}
