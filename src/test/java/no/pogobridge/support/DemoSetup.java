package no.pogobridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import no.pogobridge.demo.DemoMappings;
import no.pogobridge.demo.DemoPeriod;
import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;

/**
 * The demo setup an accountant makes through the operator API, on any server (the shared one or one a test starts
 * as a process): the demo catalogue's mappings, then connections.
 */
public final class DemoSetup {

    private DemoSetup() {
    }

    /** Every mapping of the demo catalogue, the same {@link DemoMappings} the embedded demo sets itself up with. */
    public static void mapDemoCatalogue(OperatorCalls api) {
        DemoMappings.operatorCalls().forEach((path, body) -> {
            OperatorCalls.Reply reply = api.put(path, body);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
        });
    }

    /** Department d on the demo client with application-key slot d - 1 and PowerOffice department code d0. */
    public static OperatorCalls.Reply connect(OperatorCalls api, int department, String extraJson) {
        int slot = department - 1;
        return api.put("/api/departments/" + department + "/connection", "{\"clientKey\":\""
                + SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, slot) + "\",\"applicationKeySlot\":" + slot
                + ",\"powerOfficeDepartmentCode\":\"" + department + "0\"" + extraJson + "}");
    }

    /** The demo's last closed business day (yesterday in the POS's business calendar). */
    public static LocalDate lastClosedDay() {
        return DemoPeriod.businessDate(Instant.now()).minusDays(1);
    }
}
