package no.pogobridge.mapping;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the voucher needs to know besides the POS day: the POS's own catalogue (names, VAT rates, payment kinds) and
 * our mappings to PowerOffice account numbers and VAT codes (accounting-rules.md, "Settings").
 */
public record Setup(Map<Integer, ProductType> productTypes, Map<Integer, VatCode> vatCodes,
        Map<Integer, PaymentType> paymentTypes, Map<Integer, ProductTypeMapping> productTypeMappings,
        Map<Integer, String> vatCodeMappings, Map<Integer, PaymentTypeMapping> paymentTypeMappings,
        Integer roundingAccount) {

    public static final BigDecimal STANDARD_RATE = new BigDecimal("25.00");

    public record ProductType(int id, String name, boolean giftCard) {
    }

    public record VatCode(int id, String name, BigDecimal rate) {
        public boolean isStandardRate() {
            return rate.compareTo(STANDARD_RATE) == 0;
        }
    }

    public record PaymentType(int id, String name, String kind) {
    }

    public record ProductTypeMapping(Integer standardAccount, Integer reducedAccount, String standardProductCode,
            String reducedProductCode) {
    }

    public record PaymentTypeMapping(Integer account, boolean transferToAccounting) {
    }

    public String productTypeName(int id) {
        ProductType type = productTypes.get(id);
        return type == null ? "product type " + id : type.name();
    }

    public String paymentTypeName(int id) {
        PaymentType type = paymentTypes.get(id);
        return type == null ? "payment type " + id : type.name();
    }

    /** Transfer to accounting is on only when a mapping says so; an unmapped payment type is a setup gap. */
    public boolean transfers(int paymentTypeId) {
        PaymentTypeMapping mapping = paymentTypeMappings.get(paymentTypeId);
        return mapping == null || mapping.transferToAccounting();
    }
}
