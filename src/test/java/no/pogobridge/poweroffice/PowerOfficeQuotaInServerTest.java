package no.pogobridge.poweroffice;

import static org.assertj.core.api.Assertions.assertThat;

import no.pogobridge.sandbox.SandboxKeys;
import no.pogobridge.sandbox.SandboxWorld;
import no.pogobridge.support.IntegrationTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The quota as the server wires it: in the app database, taken by every PowerOffice call, callable from a route. */
@IntegrationTest
class PowerOfficeQuotaInServerTest {

    @Autowired
    JdbcTemplate app;

    @Autowired
    ProducerTemplate routes;

    @Test
    void everyPowerOfficeCallTakesItsPermitFromTheBucketInTheAppDatabase() {
        long bucket = PowerOfficeQuota.bucketId(SandboxKeys.SUBSCRIPTION_KEY);
        app.update("DELETE FROM poweroffice_quota WHERE id = ?", bucket);

        routes.sendBodyAndHeader("direct:poweroffice-vat-codes", null, PowerOfficeCalls.CREDENTIALS,
                new Credentials(SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 0), 0));

        assertThat(app.queryForObject("SELECT count(*) FROM poweroffice_quota WHERE id = ? AND state IS NOT NULL",
                Integer.class, bucket)).as("the call created the subscription's bucket again").isEqualTo(1);
    }

    @Test
    void aRouteTakesAPermitAsABeanStep() {
        long bucket = PowerOfficeQuota.bucketId(SandboxKeys.SUBSCRIPTION_KEY);
        app.update("DELETE FROM poweroffice_quota WHERE id = ?", bucket);

        routes.sendBody("bean:powerOfficeQuota?method=acquire", (Object) null);

        assertThat(app.queryForObject("SELECT count(*) FROM poweroffice_quota WHERE id = ?", Integer.class, bucket))
                .isEqualTo(1);
    }
}
