package no.pogobridge.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a mapping may be picked from: the lists of every connected PowerOffice client (accounts, VAT codes or
 * products) as one list. The mappings serve every department, so a choice one client lacks, or has inactive, is
 * kept and says which client that is: the department check of those departments would refuse it.
 */
public final class PowerOfficeChoices {

    private PowerOfficeChoices() {
    }

    /** A connected PowerOffice client and the POS departments connected to it (read once, however many). */
    public record Client(String clientId, String name, List<Integer> departments) {

        /** "Kiosk Uten Faktura AS (departments 2, 3)", as a person reads which client is meant. */
        public String label() {
            return name + " (department" + (departments.size() == 1 ? " " : "s ")
                    + departments.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** One row of one client's list: the key (account number, VAT code or product code) and what it says. */
    public record Entry(String key, String name, boolean active, BigDecimal rate) {
    }

    /**
     * One choice of the union. name and rate are those of the first client that has it active (or, inactive
     * everywhere, of the first that has it); active: some client has it active.
     */
    public record Choice(String key, String name, BigDecimal rate, boolean active, List<Client> missingIn,
            List<Client> inactiveIn) {
    }

    /** Numbers (account numbers, most VAT codes) in numeric order, anything else after them alphabetically. */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        boolean numberA = isNumber(a);
        boolean numberB = isNumber(b);
        if (numberA && numberB) {
            int byValue = new BigInteger(a).compareTo(new BigInteger(b));
            return byValue != 0 ? byValue : a.compareTo(b);
        }
        if (numberA != numberB) {
            return numberA ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private static boolean isNumber(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The union of the clients' lists (in the clients' order), sorted by key. */
    public static List<Choice> merge(Map<Client, List<Entry>> lists) {
        Map<String, Map<Client, Entry>> byKey = new TreeMap<>(KEY_ORDER);
        lists.forEach((client, entries) -> {
            for (Entry e : entries) {
                byKey.computeIfAbsent(e.key(), k -> new LinkedHashMap<>()).putIfAbsent(client, e);
            }
        });
        List<Choice> choices = new ArrayList<>();
        byKey.forEach((key, holders) -> {
            List<Client> missing = new ArrayList<>();
            List<Client> inactive = new ArrayList<>();
            for (Client client : lists.keySet()) {
                Entry e = holders.get(client);
                if (e == null) {
                    missing.add(client);
                } else if (!e.active()) {
                    inactive.add(client);
                }
            }
            Entry shown = holders.values().stream().filter(Entry::active).findFirst()
                    .orElse(holders.values().iterator().next());
            choices.add(new Choice(key, shown.name(), shown.rate(), shown.active(), List.copyOf(missing),
                    List.copyOf(inactive)));
        });
        return choices;
    }

    /**
     * Why a key cannot be picked from these choices, or empty when some client has it active. {@code what} names the
     * kind of thing for the reason ("Account 3998", "VAT code 9").
     */
    public static Optional<String> refusal(List<Choice> choices, Map<Client, ?> clients, String key, String what) {
        if (clients.isEmpty()) {
            return Optional.empty();
        }
        Choice found = choices.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        if (found == null) {
            return Optional.of(what + " is in none of the connected PowerOffice clients ("
                    + clients.keySet().stream().map(Client::label).collect(Collectors.joining("; ")) + ")");
        }
        if (!found.active()) {
            return Optional.of(what + " is inactive in every connected PowerOffice client that has it ("
                    + found.inactiveIn().stream().map(Client::label).collect(Collectors.joining("; ")) + ")");
        }
        return Optional.empty();
    }
}
