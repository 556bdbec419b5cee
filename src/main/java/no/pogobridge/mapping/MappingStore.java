package no.pogobridge.mapping;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Our mappings to PowerOffice, stored in the app schema. */
@Repository
public class MappingStore {

    public record Mappings(Map<Integer, Setup.ProductTypeMapping> productTypes, Map<Integer, String> vatCodes,
            Map<Integer, Setup.PaymentTypeMapping> paymentTypes, Integer roundingAccount) {
    }

    private final JdbcTemplate app;

    public MappingStore(JdbcTemplate app) {
        this.app = app;
    }

    public Mappings read() {
        Map<Integer, Setup.ProductTypeMapping> productTypes = new HashMap<>();
        app.query("SELECT * FROM product_type_mapping", rs -> {
            productTypes.put(rs.getInt("product_type_id"), new Setup.ProductTypeMapping(
                    (Integer) rs.getObject("standard_account"), (Integer) rs.getObject("reduced_account"),
                    rs.getString("standard_product_code"), rs.getString("reduced_product_code")));
        });
        Map<Integer, String> vatCodes = new HashMap<>();
        app.query("SELECT * FROM vat_code_mapping", rs -> {
            vatCodes.put(rs.getInt("vat_code_id"), rs.getString("poweroffice_vat_code"));
        });
        Map<Integer, Setup.PaymentTypeMapping> paymentTypes = new HashMap<>();
        app.query("SELECT * FROM payment_type_mapping", rs -> {
            paymentTypes.put(rs.getInt("payment_type_id"), new Setup.PaymentTypeMapping(
                    (Integer) rs.getObject("account"), rs.getBoolean("transfer_to_accounting")));
        });
        Integer rounding = app.query("SELECT account FROM rounding_mapping", rs -> rs.next() ? rs.getInt(1) : null);
        return new Mappings(productTypes, vatCodes, paymentTypes, rounding);
    }

    public void putProductType(int id, Setup.ProductTypeMapping m) {
        app.update("""
                INSERT INTO product_type_mapping (product_type_id, standard_account, reduced_account,
                    standard_product_code, reduced_product_code)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (product_type_id) DO UPDATE SET standard_account = excluded.standard_account,
                    reduced_account = excluded.reduced_account, standard_product_code = excluded.standard_product_code,
                    reduced_product_code = excluded.reduced_product_code, updated_at = now()""",
                id, m.standardAccount(), m.reducedAccount(), m.standardProductCode(), m.reducedProductCode());
    }

    public void putVatCode(int id, String powerOfficeVatCode) {
        app.update("""
                INSERT INTO vat_code_mapping (vat_code_id, poweroffice_vat_code) VALUES (?, ?)
                ON CONFLICT (vat_code_id) DO UPDATE SET poweroffice_vat_code = excluded.poweroffice_vat_code,
                    updated_at = now()""", id, powerOfficeVatCode);
    }

    public void putPaymentType(int id, Setup.PaymentTypeMapping m) {
        app.update("""
                INSERT INTO payment_type_mapping (payment_type_id, account, transfer_to_accounting) VALUES (?, ?, ?)
                ON CONFLICT (payment_type_id) DO UPDATE SET account = excluded.account,
                    transfer_to_accounting = excluded.transfer_to_accounting, updated_at = now()""",
                id, m.account(), m.transferToAccounting());
    }

    public void putRounding(int account) {
        app.update("""
                INSERT INTO rounding_mapping (singleton, account) VALUES (true, ?)
                ON CONFLICT (singleton) DO UPDATE SET account = excluded.account, updated_at = now()""", account);
    }
}
