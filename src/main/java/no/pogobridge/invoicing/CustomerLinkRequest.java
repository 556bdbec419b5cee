package no.pogobridge.invoicing;

import java.util.List;
import java.util.Map;
import no.pogobridge.department.DepartmentConnection;
import no.pogobridge.poweroffice.Credentials;
import no.pogobridge.poweroffice.PowerOfficeDirectory;

/**
 * A link of a POS customer to a PowerOffice customer while the route asks the connected clients (one per client, in
 * order) for their customers: done when a client has the customer, or every client was asked.
 */
public final class CustomerLinkRequest {

    private final int customerId;
    private final Map<String, Object> customer;
    private final long powerOfficeCustomerId;
    private final List<DepartmentConnection> clients;
    private int asked;
    private PowerOfficeDirectory.Customer found;

    CustomerLinkRequest(int customerId, Map<String, Object> customer, long powerOfficeCustomerId,
            List<DepartmentConnection> clients) {
        this.customerId = customerId;
        this.customer = customer;
        this.powerOfficeCustomerId = powerOfficeCustomerId;
        this.clients = clients;
    }

    public boolean done() {
        return found != null || asked == clients.size();
    }

    /** The client to ask next. */
    public Credentials nextClient() {
        return clients.get(asked).credentials();
    }

    void answered(List<PowerOfficeDirectory.Customer> customers) {
        for (PowerOfficeDirectory.Customer c : customers) {
            if (c.id() == powerOfficeCustomerId) {
                found = c;
            }
        }
        asked++;
    }

    int customerId() {
        return customerId;
    }

    /** The POS customer's row, read once when the request was checked. */
    Map<String, Object> customer() {
        return customer;
    }

    long powerOfficeCustomerId() {
        return powerOfficeCustomerId;
    }

    PowerOfficeDirectory.Customer found() {
        return found;
    }

    /** The client the customer was found in (the one asked last). */
    DepartmentConnection foundIn() {
        return clients.get(asked - 1);
    }
}
