package no.pogobridge.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * The demo POS's master data: a Norwegian restaurant group with food, beer, wine, soft drinks and gift cards,
 * three VAT codes and five payment types. Ids are the POS's own.
 */
public final class DemoCatalog {

    private DemoCatalog() {
    }

    public record Department(int id, String name, double takeawayShare, double lateNightShare) {
    }

    public record VatCode(int id, String name, BigDecimal rate) {
    }

    public record ProductType(int id, String name, boolean giftCard) {
    }

    public record PaymentType(int id, String name, String kind) {
    }

    public record Customer(int id, String name, String organizationNumber, String email) {
    }

    /** An item on the menu; {@code weighed} items are sold by the kilo with a fractional quantity. */
    public record Product(int productTypeId, String description, BigDecimal unitPrice, boolean weighed) {
    }

    public static final int VAT_STANDARD = 1;
    public static final int VAT_TAKEAWAY = 2;
    public static final int VAT_EXEMPT = 3;

    public static final int FOOD = 1;
    public static final int BEER = 2;
    public static final int WINE = 3;
    public static final int SOFT_DRINKS = 4;
    public static final int GIFT_CARD = 5;

    public static final int CASH = 1;
    public static final int CARD = 2;
    public static final int VIPPS = 3;
    public static final int GIFT_CARD_PAYMENT = 4;
    public static final int CREDIT = 5;

    private static final List<Department> NAMED_DEPARTMENTS = List.of(
            new Department(1, "Restaurant Bryggen", 0.10, 0.02),
            new Department(2, "Bar Løkka", 0.05, 0.25),
            new Department(3, "Takeaway Torget", 0.75, 0.04));

    public static final List<VatCode> VAT_CODES = List.of(
            new VatCode(VAT_STANDARD, "Servering 25%", new BigDecimal("25.00")),
            new VatCode(VAT_TAKEAWAY, "Takeaway 15%", new BigDecimal("15.00")),
            new VatCode(VAT_EXEMPT, "Fritatt 0%", new BigDecimal("0.00")));

    public static final List<ProductType> PRODUCT_TYPES = List.of(
            new ProductType(FOOD, "Mat", false),
            new ProductType(BEER, "Øl", false),
            new ProductType(WINE, "Vin", false),
            new ProductType(SOFT_DRINKS, "Mineralvann", false),
            new ProductType(GIFT_CARD, "Gavekort", true));

    public static final List<PaymentType> PAYMENT_TYPES = List.of(
            new PaymentType(CASH, "Kontant", "CASH"),
            new PaymentType(CARD, "Bankkort", "CARD"),
            new PaymentType(VIPPS, "Vipps", "MOBILE"),
            new PaymentType(GIFT_CARD_PAYMENT, "Gavekort", "GIFT_CARD"),
            new PaymentType(CREDIT, "Kreditt", "CREDIT"));

    public static final List<Customer> CUSTOMERS = List.of(
            new Customer(1, "Fjordkraft Catering AS", "912345670", "faktura@fjordkraft-catering.example"),
            new Customer(2, "Bergen Byggservice AS", "923456781", "regnskap@byggservice.example"),
            new Customer(3, "Hotell Nordlys AS", "934567892", "post@nordlys.example"),
            new Customer(4, "Kari Nordmann", null, "kari@nordmann.example"),
            new Customer(5, "Vestland Konsulent AS", "945678903", null),
            new Customer(6, "Ola Hansen", null, null),
            new Customer(7, "Idrettslaget Ørn", "956789014", "kasserer@orn.example"),
            new Customer(8, "Sentrum Tannklinikk AS", "967890125", "post@tannklinikk.example"));

    public static final List<Product> FOOD_MENU = List.of(
            new Product(FOOD, "Dagens rett", new BigDecimal("189.00"), false),
            new Product(FOOD, "Burger med pommes frites", new BigDecimal("219.00"), false),
            new Product(FOOD, "Pizza Margherita", new BigDecimal("199.00"), false),
            new Product(FOOD, "Fish and chips", new BigDecimal("239.00"), false),
            new Product(FOOD, "Fiskesuppe", new BigDecimal("169.50"), false),
            new Product(FOOD, "Reker (per kg)", new BigDecimal("289.00"), true));

    public static final List<Product> BEER_MENU = List.of(
            new Product(BEER, "Pils 0,5 l", new BigDecimal("109.00"), false),
            new Product(BEER, "IPA 0,4 l", new BigDecimal("119.00"), false));

    public static final List<Product> WINE_MENU = List.of(
            new Product(WINE, "Husets rødvin, glass", new BigDecimal("139.00"), false),
            new Product(WINE, "Hvitvin, flaske", new BigDecimal("589.00"), false));

    public static final List<Product> SOFT_DRINK_MENU = List.of(
            new Product(SOFT_DRINKS, "Cola 0,5 l", new BigDecimal("49.00"), false),
            new Product(SOFT_DRINKS, "Farris 0,5 l", new BigDecimal("45.00"), false),
            new Product(SOFT_DRINKS, "Kaffe", new BigDecimal("39.00"), false));

    public static final List<Product> GIFT_CARDS = List.of(
            new Product(GIFT_CARD, "Gavekort 500 kr", new BigDecimal("500.00"), false),
            new Product(GIFT_CARD, "Gavekort 1000 kr", new BigDecimal("1000.00"), false));

    /** The first three departments have names; more (for benchmarks) are numbered. */
    public static Department department(int id) {
        if (id <= NAMED_DEPARTMENTS.size()) {
            return NAMED_DEPARTMENTS.get(id - 1);
        }
        return new Department(id, "Avdeling " + id, 0.20, 0.05);
    }
}
