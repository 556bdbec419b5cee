package no.pogobridge.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.pogobridge.poweroffice.Credentials;

/**
 * One of PowerOffice's lists (accounts, VAT codes or products) read from every connected client while the route
 * asks them in turn (routes/poweroffice-choices.camel.yaml): what each client answered, or why it could not.
 */
public final class PowerOfficeReading {

    private final String list;
    private final Map<PowerOfficeChoices.Client, Credentials> clients;
    private final List<PowerOfficeChoices.Client> order;
    private final Map<PowerOfficeChoices.Client, List<PowerOfficeChoices.Entry>> answers = new LinkedHashMap<>();
    private final Map<PowerOfficeChoices.Client, String> failures = new LinkedHashMap<>();
    private int asked;

    PowerOfficeReading(String list, Map<PowerOfficeChoices.Client, Credentials> clients) {
        this.list = list;
        this.clients = clients;
        this.order = List.copyOf(clients.keySet());
    }

    /** accounts, vat-codes or products. */
    public String list() {
        return list;
    }

    public boolean done() {
        return asked == order.size();
    }

    /** The client to ask next. */
    public Credentials nextClient() {
        return clients.get(order.get(asked));
    }

    void answered(List<PowerOfficeChoices.Entry> entries) {
        answers.put(order.get(asked++), entries);
    }

    void failed(String reason) {
        failures.put(order.get(asked++), reason);
    }

    List<PowerOfficeChoices.Client> clients() {
        return order;
    }

    /** What the clients that answered answered, in the clients' order. */
    Map<PowerOfficeChoices.Client, List<PowerOfficeChoices.Entry>> answers() {
        return answers;
    }

    /** The clients that could not be read, with PowerOffice's reason. */
    Map<PowerOfficeChoices.Client, String> failures() {
        return failures;
    }

    /**
     * Why a mapping to key cannot be stored, or empty when it can: when no department is connected yet (mappings may
     * come first), when a client could not be read (then no one can say none has it; the department check will), or
     * when some client has it active.
     */
    Optional<String> refusal(String key, String what) {
        if (!failures.isEmpty()) {
            return Optional.empty();
        }
        return PowerOfficeChoices.refusal(PowerOfficeChoices.merge(answers), answers, key, what);
    }
}
