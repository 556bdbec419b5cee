package no.pogobridge.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The POS's own catalogue: product types, VAT codes, payment types (read from schema pos). */
@Component
public class PosCatalog {

    public record Catalog(Map<Integer, Setup.ProductType> productTypes, Map<Integer, Setup.VatCode> vatCodes,
            Map<Integer, Setup.PaymentType> paymentTypes) {
    }

    private final JdbcTemplate pos;

    public PosCatalog(@Qualifier("posDataSource") javax.sql.DataSource pos) {
        this.pos = new JdbcTemplate(pos);
    }

    public Catalog read() {
        Map<Integer, Setup.ProductType> productTypes = new LinkedHashMap<>();
        pos.query("SELECT id, name, is_gift_card FROM pos.product_types ORDER BY id", rs -> {
            productTypes.put(rs.getInt(1), new Setup.ProductType(rs.getInt(1), rs.getString(2), rs.getBoolean(3)));
        });
        Map<Integer, Setup.VatCode> vatCodes = new LinkedHashMap<>();
        pos.query("SELECT id, name, rate FROM pos.vat_codes ORDER BY id", rs -> {
            vatCodes.put(rs.getInt(1), new Setup.VatCode(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3)));
        });
        Map<Integer, Setup.PaymentType> paymentTypes = new LinkedHashMap<>();
        pos.query("SELECT id, name, kind FROM pos.payment_types ORDER BY id", rs -> {
            paymentTypes.put(rs.getInt(1), new Setup.PaymentType(rs.getInt(1), rs.getString(2), rs.getString(3)));
        });
        return new Catalog(productTypes, vatCodes, paymentTypes);
    }

    public boolean departmentExists(int departmentId) {
        Integer n = pos.queryForObject("SELECT count(*) FROM pos.departments WHERE id = ?", Integer.class,
                departmentId);
        return n != null && n > 0;
    }
}
