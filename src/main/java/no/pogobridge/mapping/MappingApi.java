package no.pogobridge.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.department.DepartmentConnections;
import no.pogobridge.operator.JsonBodies;
import no.pogobridge.operator.OperatorException;
import org.springframework.stereotype.Component;

/** The mapping endpoints of the operator API (docs/interfaces.md, "Mappings"). */
@Component("mappingApi")
public class MappingApi {

    public record ProductTypeBody(Integer standardAccount, Integer reducedAccount, String standardProductCode,
            String reducedProductCode) {
    }

    public record VatCodeBody(String powerOfficeVatCode) {
    }

    public record PaymentTypeBody(Integer account, Boolean transferToAccounting) {
    }

    public record RoundingBody(Integer account) {
    }

    private static final Pattern VAT_CODE = Pattern.compile("[0-9A-Za-z]{1,10}");

    private final MappingStore store;
    private final PosCatalog pos;
    private final SetupReader setup;
    private final DepartmentConnections connections;

    public MappingApi(MappingStore store, PosCatalog pos, SetupReader setup, DepartmentConnections connections) {
        this.store = store;
        this.pos = pos;
        this.setup = setup;
        this.connections = connections;
    }

    public Map<String, Object> putProductType(String idText, String body) {
        return putProductType(idText, body, null);
    }

    /**
     * The mapping stored once its accounts are known to PowerOffice: {@code accounts} is what the connected clients
     * answered (routes/mappings.camel.yaml asks them first), null to store without asking (the embedded demo, which
     * maps before it connects).
     */
    public Map<String, Object> putProductType(String idText, String body, PowerOfficeReading accounts) {
        int id = JsonBodies.id("product type id", idText);
        Setup.ProductType type = pos.read().productTypes().get(id);
        if (type == null) {
            throw OperatorException.notFound("The POS has no product type " + id + "; GET /api/mappings lists them.");
        }
        ProductTypeBody b = JsonBodies.read(body, ProductTypeBody.class);
        account("standardAccount", b.standardAccount(), true);
        account("reducedAccount", b.reducedAccount(), !type.giftCard());
        productCode("standardProductCode", b.standardProductCode());
        productCode("reducedProductCode", b.reducedProductCode());
        known(accounts, "standardAccount", b.standardAccount());
        known(accounts, "reducedAccount", b.reducedAccount());
        store.putProductType(id, new Setup.ProductTypeMapping(b.standardAccount(), b.reducedAccount(),
                blankToNull(b.standardProductCode()), blankToNull(b.reducedProductCode())));
        return view().get("productTypes") instanceof List<?> list ? find(list, id) : Map.of();
    }

    public Map<String, Object> putVatCode(String idText, String body) {
        return putVatCode(idText, body, null);
    }

    /** As {@link #putProductType(String, String, PowerOfficeReading)}, with the clients' VAT codes. */
    public Map<String, Object> putVatCode(String idText, String body, PowerOfficeReading vatCodes) {
        int id = JsonBodies.id("VAT code id", idText);
        if (!pos.read().vatCodes().containsKey(id)) {
            throw OperatorException.notFound("The POS has no VAT code " + id + "; GET /api/mappings lists them.");
        }
        VatCodeBody b = JsonBodies.read(body, VatCodeBody.class);
        String code = b.powerOfficeVatCode() == null ? null : b.powerOfficeVatCode().strip();
        if (code == null || !VAT_CODE.matcher(code).matches()) {
            throw OperatorException.badRequest("powerOfficeVatCode must be a PowerOffice (SAF-T) VAT code such as "
                    + "\"3\", \"31\", \"33\", \"5\" or \"6\", was " + (code == null ? "missing" : "'" + code + "'") + ".");
        }
        if (vatCodes != null) {
            vatCodes.refusal(code, "VAT code " + code).ifPresent(reason -> {
                throw OperatorException.badRequest("powerOfficeVatCode: " + reason
                        + "; GET /api/poweroffice/vat-codes lists them.");
            });
        }
        store.putVatCode(id, code);
        return find((List<?>) view().get("vatCodes"), id);
    }

    public Map<String, Object> putPaymentType(String idText, String body) {
        return putPaymentType(idText, body, null);
    }

    /** As {@link #putProductType(String, String, PowerOfficeReading)}. */
    public Map<String, Object> putPaymentType(String idText, String body, PowerOfficeReading accounts) {
        int id = JsonBodies.id("payment type id", idText);
        Setup.PaymentType type = pos.read().paymentTypes().get(id);
        if (type == null) {
            throw OperatorException.notFound("The POS has no payment type " + id + "; GET /api/mappings lists them.");
        }
        PaymentTypeBody b = JsonBodies.read(body, PaymentTypeBody.class);
        if (b.transferToAccounting() == null) {
            throw OperatorException.badRequest("transferToAccounting (true or false) is required.");
        }
        account("account", b.account(), b.transferToAccounting());
        known(accounts, "account", b.account());
        if ("CREDIT".equals(type.kind()) && b.transferToAccounting()) {
            for (DepartmentConnection c : connections.all().values()) {
                if (c.autoInvoicing()) {
                    throw OperatorException.conflict("Payment type '" + type.name() + "' cannot transfer to "
                            + "accounting while department " + c.departmentId() + " has automatic invoicing on: the "
                            + "sale would be booked twice.");
                }
            }
        }
        store.putPaymentType(id, new Setup.PaymentTypeMapping(b.account(), b.transferToAccounting()));
        return find((List<?>) view().get("paymentTypes"), id);
    }

    public Map<String, Object> putRounding(String body) {
        return putRounding(body, null);
    }

    /** As {@link #putProductType(String, String, PowerOfficeReading)}. */
    public Map<String, Object> putRounding(String body, PowerOfficeReading accounts) {
        RoundingBody b = JsonBodies.read(body, RoundingBody.class);
        account("account", b.account(), true);
        known(accounts, "account", b.account());
        store.putRounding(b.account());
        return Map.of("account", b.account());
    }

    /** Everything mapped, and what is still missing. */
    public Map<String, Object> view() {
        Setup s = setup.read();
        List<Map<String, Object>> productTypes = new ArrayList<>();
        for (Setup.ProductType t : s.productTypes().values()) {
            Setup.ProductTypeMapping m = s.productTypeMappings().get(t.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", t.id());
            row.put("name", t.name());
            row.put("isGiftCard", t.giftCard());
            row.put("standardAccount", m == null ? null : m.standardAccount());
            row.put("reducedAccount", m == null ? null : m.reducedAccount());
            row.put("standardProductCode", m == null ? null : m.standardProductCode());
            row.put("reducedProductCode", m == null ? null : m.reducedProductCode());
            productTypes.add(row);
        }
        List<Map<String, Object>> vatCodes = new ArrayList<>();
        for (Setup.VatCode v : s.vatCodes().values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.id());
            row.put("name", v.name());
            row.put("rate", v.rate());
            row.put("powerOfficeVatCode", s.vatCodeMappings().get(v.id()));
            vatCodes.add(row);
        }
        List<Map<String, Object>> paymentTypes = new ArrayList<>();
        for (Setup.PaymentType p : s.paymentTypes().values()) {
            Setup.PaymentTypeMapping m = s.paymentTypeMappings().get(p.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("kind", p.kind());
            row.put("account", m == null ? null : m.account());
            row.put("transferToAccounting", m == null ? null : m.transferToAccounting());
            paymentTypes.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("productTypes", productTypes);
        result.put("vatCodes", vatCodes);
        result.put("paymentTypes", paymentTypes);
        Map<String, Object> rounding = new LinkedHashMap<>();
        rounding.put("account", s.roundingAccount());
        result.put("rounding", rounding);
        result.put("missing", SetupCompleteness.missing(s));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<?> rows, int id) {
        for (Object row : rows) {
            Map<String, Object> map = (Map<String, Object>) row;
            if (Integer.valueOf(id).equals(map.get("id"))) {
                return map;
            }
        }
        throw new IllegalStateException("mapping " + id + " vanished");
    }

    private static void account(String field, Integer account, boolean required) {
        if (account == null) {
            if (required) {
                throw OperatorException.badRequest(field + " is required: a PowerOffice account number such as "
                        + "3000.");
            }
            return;
        }
        if (account < 1000 || account > 99_999) {
            throw OperatorException.badRequest(field + " must be an account number from 1000 to 99999, was "
                    + account + ".");
        }
    }

    /** An account no connected PowerOffice client has (active) is refused here, not first at the department check. */
    private static void known(PowerOfficeReading accounts, String field, Integer account) {
        if (accounts == null || account == null) {
            return;
        }
        accounts.refusal(String.valueOf(account), "Account " + account).ifPresent(reason -> {
            throw OperatorException.badRequest(field + ": " + reason + "; GET /api/poweroffice/accounts lists them.");
        });
    }

    private static void productCode(String field, String code) {
        if (code != null && code.strip().length() > 100) {
            throw OperatorException.badRequest(field + " can be at most 100 characters (PowerOffice's limit).");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
