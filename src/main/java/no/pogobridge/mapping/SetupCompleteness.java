package no.pogobridge.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * What is still missing before a department's days can be exported: every POS product type, VAT code and payment
 * type mapped, and the rounding account set. Pure: the POS catalogue and our mappings in, the gaps out.
 */
public final class SetupCompleteness {

    private SetupCompleteness() {
    }

    public static List<String> missing(Setup setup) {
        List<String> missing = new ArrayList<>();
        for (Setup.ProductType type : setup.productTypes().values()) {
            Setup.ProductTypeMapping m = setup.productTypeMappings().get(type.id());
            String fix = ": PUT /api/mappings/product-types/" + type.id();
            if (m == null || m.standardAccount() == null) {
                missing.add("Product type '" + type.name() + "' has no "
                        + (type.giftCard() ? "account for gift cards sold" : "standard-rate revenue account") + fix);
            }
            if (!type.giftCard() && (m == null || m.reducedAccount() == null)) {
                missing.add("Product type '" + type.name() + "' has no reduced-rate revenue account" + fix);
            }
        }
        for (Setup.VatCode vat : setup.vatCodes().values()) {
            if (!setup.vatCodeMappings().containsKey(vat.id())) {
                missing.add("VAT code '" + vat.name() + "' has no PowerOffice VAT code: PUT /api/mappings/vat-codes/"
                        + vat.id());
            }
        }
        for (Setup.PaymentType type : setup.paymentTypes().values()) {
            Setup.PaymentTypeMapping m = setup.paymentTypeMappings().get(type.id());
            if (m == null) {
                missing.add("Payment type '" + type.name() + "' is not mapped (account and transfer to accounting): "
                        + "PUT /api/mappings/payment-types/" + type.id());
            } else if (m.transferToAccounting() && m.account() == null) {
                missing.add("Payment type '" + type.name() + "' transfers to accounting but has no account: "
                        + "PUT /api/mappings/payment-types/" + type.id());
            }
        }
        if (setup.roundingAccount() == null) {
            missing.add("The rounding account is not set: PUT /api/mappings/rounding");
        }
        return missing;
    }
}
