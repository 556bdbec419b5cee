package no.pogobridge.export;

import no.pogobridge.mapping.Setup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.pogobridge.export.PosDay.Line;
import no.pogobridge.export.PosDay.Order;
import no.pogobridge.export.PosDay.Payment;
import no.pogobridge.mapping.Setup.PaymentType;
import no.pogobridge.mapping.Setup.PaymentTypeMapping;
import no.pogobridge.mapping.Setup.ProductType;
import no.pogobridge.mapping.Setup.ProductTypeMapping;
import no.pogobridge.mapping.Setup.VatCode;

/** The demo catalogue with the mappings an accountant would set up for it. */
final class Fixtures {

    static final int MAT = 1, OL = 2, VIN = 3, MINERAL = 4, GAVEKORT = 5;
    static final int VAT25 = 1, VAT15 = 2, VAT0 = 3;
    static final int KONTANT = 1, BANKKORT = 2, VIPPS = 3, GAVEKORT_BETALING = 4, KREDITT = 5;
    static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    private Fixtures() {
    }

    static Setup setup() {
        return new Setup(
                Map.of(MAT, new ProductType(MAT, "Mat", false), OL, new ProductType(OL, "Øl", false),
                        VIN, new ProductType(VIN, "Vin", false), MINERAL, new ProductType(MINERAL, "Mineralvann", false),
                        GAVEKORT, new ProductType(GAVEKORT, "Gavekort", true)),
                Map.of(VAT25, new VatCode(VAT25, "Servering 25%", new BigDecimal("25.00")),
                        VAT15, new VatCode(VAT15, "Takeaway 15%", new BigDecimal("15.00")),
                        VAT0, new VatCode(VAT0, "Fritatt 0%", new BigDecimal("0.00"))),
                Map.of(KONTANT, new PaymentType(KONTANT, "Kontant", "CASH"),
                        BANKKORT, new PaymentType(BANKKORT, "Bankkort", "CARD"),
                        VIPPS, new PaymentType(VIPPS, "Vipps", "MOBILE"),
                        GAVEKORT_BETALING, new PaymentType(GAVEKORT_BETALING, "Gavekort", "GIFT_CARD"),
                        KREDITT, new PaymentType(KREDITT, "Kreditt", "CREDIT")),
                new HashMap<>(Map.of(MAT, new ProductTypeMapping(3000, 3001, "MAT25", "MAT15"),
                        OL, new ProductTypeMapping(3010, 3010, "OL25", "OL25"),
                        VIN, new ProductTypeMapping(3020, 3020, "VIN25", "VIN25"),
                        MINERAL, new ProductTypeMapping(3030, 3031, "MINERAL25", "MINERAL15"),
                        GAVEKORT, new ProductTypeMapping(2901, 2901, null, null))),
                new HashMap<>(Map.of(VAT25, "3", VAT15, "31", VAT0, "5")),
                new HashMap<>(Map.of(KONTANT, new PaymentTypeMapping(1900, true),
                        BANKKORT, new PaymentTypeMapping(1550, true),
                        VIPPS, new PaymentTypeMapping(1560, true),
                        GAVEKORT_BETALING, new PaymentTypeMapping(2901, true),
                        KREDITT, new PaymentTypeMapping(1500, false))),
                7740);
    }

    static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    static Line line(int productType, int vat, String amount) {
        return new Line(productType, vat, nok(amount));
    }

    static Payment pay(int type, String amount) {
        return new Payment(type, nok(amount), nok("0.00"));
    }

    static Payment pay(int type, String amount, String tip) {
        return new Payment(type, nok(amount), nok(tip));
    }

    static Order order(long id, String rounding, List<Line> lines, Payment... payments) {
        return new Order(id, 5000 + id, nok(rounding), lines, Arrays.asList(payments));
    }

    static PosDay day(Order... orders) {
        return new PosDay(1, DAY, 42, Arrays.asList(orders));
    }
}
