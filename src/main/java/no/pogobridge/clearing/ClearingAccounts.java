package no.pogobridge.clearing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.pogobridge.mapping.Setup;

/**
 * The clearing accounts a department's takings wait on until the acquirer pays out: the account of every payment
 * type of kind CARD or MOBILE that transfers to accounting (accounting-rules.md books these to a clearing account,
 * never to the bank), and any account an operator adds (POGO_CLEARING_ACCOUNTS). Several payment types may share
 * one account (Visa and Mastercard on 1580); the account is reconciled once, named by all of them.
 */
public record ClearingAccounts(Map<Integer, List<String>> paymentTypes) {

    static final Set<String> CLEARED_KINDS = Set.of("CARD", "MOBILE");
    /** What an added account is called where no payment type names it. */
    static final String ADDED = "added by the operator";

    public ClearingAccounts {
        paymentTypes = java.util.Collections.unmodifiableMap(new TreeMap<>(paymentTypes));
    }

    public static ClearingAccounts of(Setup setup, Collection<Integer> added) {
        Map<Integer, List<String>> accounts = new TreeMap<>();
        setup.paymentTypes().values().stream()
                .sorted(java.util.Comparator.comparing(Setup.PaymentType::name))
                .forEach(type -> {
                    Setup.PaymentTypeMapping mapping = setup.paymentTypeMappings().get(type.id());
                    if (CLEARED_KINDS.contains(type.kind()) && mapping != null && mapping.transferToAccounting()
                            && mapping.account() != null) {
                        accounts.computeIfAbsent(mapping.account(), a -> new ArrayList<>()).add(type.name());
                    }
                });
        for (Integer account : added) {
            accounts.computeIfAbsent(account, a -> new ArrayList<>());
        }
        Map<Integer, List<String>> named = new TreeMap<>();
        accounts.forEach((account, names) -> named.put(account, List.copyOf(names)));
        return new ClearingAccounts(named);
    }

    public List<Integer> numbers() {
        return List.copyOf(paymentTypes.keySet());
    }

    public boolean isEmpty() {
        return paymentTypes.isEmpty();
    }

    /** "Visa, Mastercard", or that an operator added it. */
    public String paymentTypeOf(int account) {
        List<String> names = paymentTypes.getOrDefault(account, List.of());
        return names.isEmpty() ? ADDED : String.join(", ", names);
    }

    /** The account list as PowerOffice's accountNos filter and the read cursor take it: "1580,1581". */
    public String key() {
        return String.join(",", numbers().stream().map(String::valueOf).toList());
    }
}
