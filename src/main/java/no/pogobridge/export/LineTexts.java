package no.pogobridge.export;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The texts of the voucher's lines that are not a POS name (a payment line reads as its payment type): a sale per
 * product type and VAT rate, gift cards sold, and the rounding. Integration engineers set them in
 * routes/daily-export.camel.yaml (route build-daily-voucher, properties {@value #SALE_PROPERTY},
 * {@value #GIFT_CARDS_SOLD_PROPERTY}, {@value #ROUNDING_PROPERTY}); {@link #DEFAULT} holds the texts the shipped
 * routes set, which the golden days check.
 */
public final class LineTexts {

    public static final String SALE_PROPERTY = "saleLineText";
    public static final String GIFT_CARDS_SOLD_PROPERTY = "giftCardsSoldLineText";
    public static final String ROUNDING_PROPERTY = "roundingLineText";

    public static final String SALE = "Salg {productType} {rate}%";
    public static final String GIFT_CARDS_SOLD = "Gavekort solgt";
    public static final String ROUNDING = "Øreavrunding";

    public static final LineTexts DEFAULT = of(SALE, GIFT_CARDS_SOLD, ROUNDING);

    private final TextTemplate sale;
    private final TextTemplate giftCardsSold;
    private final TextTemplate rounding;

    private LineTexts(TextTemplate sale, TextTemplate giftCardsSold, TextTemplate rounding) {
        this.sale = sale;
        this.giftCardsSold = giftCardsSold;
        this.rounding = rounding;
    }

    /** The three texts; a null one (a route that does not set it) is the default. */
    public static LineTexts of(String sale, String giftCardsSold, String rounding) {
        return new LineTexts(
                TextTemplate.of("The sale line text (" + SALE_PROPERTY + ")", sale == null ? SALE : sale,
                        Set.of("productType", "rate")),
                TextTemplate.of("The gift-cards-sold line text (" + GIFT_CARDS_SOLD_PROPERTY + ")",
                        giftCardsSold == null ? GIFT_CARDS_SOLD : giftCardsSold, Set.of("productType")),
                TextTemplate.of("The rounding line text (" + ROUNDING_PROPERTY + ")",
                        rounding == null ? ROUNDING : rounding, Set.of()));
    }

    /** A sale: the POS product type's name and the VAT rate in percent without trailing zeros ("25", "11.11"). */
    public String sale(String productType, String rate) {
        Map<String, String> values = new HashMap<>();
        values.put("productType", productType);
        values.put("rate", rate);
        return sale.render(values);
    }

    public String giftCardsSold(String productType) {
        Map<String, String> values = new HashMap<>();
        values.put("productType", productType);
        return giftCardsSold.render(values);
    }

    public String rounding() {
        return rounding.render(Map.of());
    }
}
