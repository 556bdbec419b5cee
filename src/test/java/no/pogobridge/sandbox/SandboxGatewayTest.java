package no.pogobridge.sandbox;

import static no.pogobridge.support.SandboxSession.APP_KEY;
import static no.pogobridge.support.SandboxSession.CLIENT_KEY;
import static no.pogobridge.support.SandboxSession.DAY;
import static no.pogobridge.support.SandboxSession.salesOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.pogobridge.support.IntegrationTest;
import no.pogobridge.support.MovableClock;
import no.pogobridge.support.PowerOfficeTestCalls;
import no.pogobridge.support.PowerOfficeTestCalls.Response;
import no.pogobridge.support.SandboxSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sandbox's OAuth token endpoint and its APIM gateway as PowerOffice's behave: keys, tokens, privileges, the
 * subscription's rate limit, and the faults a test can inject there.
 * <p>Every response of the v2 API is checked against PowerOffice's OpenAPI spec by {@link PowerOfficeTestCalls}.
 */
@IntegrationTest
class SandboxGatewayTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxFaults faults;

    @Autowired
    MovableClock clock;

    @RegisterExtension
    final SandboxSession session = new SandboxSession();

    @Test
    void issuesATwentyMinuteBearerTokenForAKnownKeyPair() {
        Response response = session.calls().token(APP_KEY, CLIENT_KEY);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(1200);
        assertThat(response.json().has("refresh_token")).isFalse();
    }

    @Test
    void refusesUnknownKeysAndAClientKeyUsedWithAnotherApplicationKey() {
        Response unknown = session.calls().token(APP_KEY, UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).isEqualTo("invalid_client");

        String addOn1Key = SandboxKeys.clientKey(SandboxWorld.DEMO_CLIENT, 1);
        assertThat(session.calls().token(APP_KEY, addOn1Key).status()).isEqualTo(400);
        assertThat(session.calls().token(SandboxKeys.applicationKey(1), addOn1Key).status()).isEqualTo(200);
    }

    @Test
    void demandsTheSubscriptionKeyOnEveryCallTheTokenCallToo() {
        Response missing = session.calls().withSubscriptionKey(null).token(APP_KEY, CLIENT_KEY);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("message").asText()).contains("missing subscription key");

        Response wrong = session.calls().withSubscriptionKey("not-our-subscription")
                .get(session.token(), "/v2/VatCodes");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asText()).contains("invalid subscription key");
    }

    @Test
    void answers401ForAMissingUnknownOrExpiredToken() {
        assertThat(session.calls().get(null, "/v2/VatCodes").status()).isEqualTo(401);
        assertThat(session.calls().get("made-up-token", "/v2/VatCodes").status()).isEqualTo(401);
        assertThat(session.get("/v2/VatCodes").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(20).plusSeconds(1));
        assertThat(session.get("/v2/VatCodes").status()).isEqualTo(401);
    }

    @Test
    void answers403WhenTheClientLacksThePrivilege() {
        String kiosk = session.calls().accessToken(APP_KEY, SandboxKeys.clientKey(SandboxWorld.NO_INVOICING_CLIENT, 0));
        Response info = session.calls().get(kiosk, "/v2/ClientIntegrationInformation");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("InvalidPrivileges").toString()).contains("SalesOrders_Full");

        Response order = session.calls().post(kiosk, "/v2/SalesOrders/Complete",
                salesOrder(session.customerId(kiosk, 10_001), "MAT25", "1", "100.00", null, "pos:order:kiosk-1")
                        .toString());
        assertThat(order.status()).isEqualTo(403);
    }

    @Test
    void throttlesASubscriptionAboveTenRequestsASecond() throws Exception {
        // the sandbox counts calls in any sliding second; the burst starts after a second of rest (the sleep is
        // the subject: the previous test's calls must have left the window), and may last longer than a second on
        // a loaded machine: at most ten calls of each second the burst touched may pass, and so a burst of 40 is
        // throttled
        Thread.sleep(1100);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            long started = System.nanoTime();
            List<Future<Response>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                burst.add(pool.submit(() -> session.calls().getUnpaced(session.token(), "/v2/LockDateSettings")));
            }
            List<Response> throttled = new ArrayList<>();
            int ok = 0;
            for (Future<Response> f : burst) {
                Response r = f.get();
                if (r.status() == 429) {
                    throttled.add(r);
                } else if (r.status() == 200) {
                    ok++;
                }
            }
            long secondsTouched = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 2;
            assertThat(ok).isLessThanOrEqualTo((int) (10 * secondsTouched));
            assertThat(throttled).isNotEmpty();
            assertThat(throttled.get(0).json().get("statusCode").asText()).isEqualTo("429");
            assertThat(throttled.get(0).headers().firstValue("Retry-After")).contains("1");
        } finally {
            pool.shutdown();
            // whatever the outcome, the next test starts with the subscription served again
            await("served again in a next second").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> session.calls().getUnpaced(session.token(), "/v2/LockDateSettings").status() == 200);
        }
    }

    @Test
    void injectedFaultsFailRateLimitOrHangTheNextCalls() throws Exception {
        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.FAIL, 2, "GeneralLedgerAccounts"));
        assertThat(session.get("/v2/VatCodes").status()).as("another path is untouched").isEqualTo(200);
        assertThat(session.get("/v2/GeneralLedgerAccounts").status()).isEqualTo(500);
        assertThat(session.get("/v2/GeneralLedgerAccounts").status()).isEqualTo(500);
        assertThat(session.get("/v2/GeneralLedgerAccounts").status()).isEqualTo(200);

        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.RATE_LIMIT, 1, null));
        assertThat(session.get("/v2/VatCodes").status()).isEqualTo(429);
        assertThat(session.get("/v2/VatCodes").status()).isEqualTo(200);

        // a hang: the voucher is posted, but the answer comes after the caller gave up
        faults.inject(new SandboxFaults.Fault(SandboxFaults.Mode.HANG, 1, "Vouchers"));
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/sandbox/poweroffice/v2/Vouchers/CashJournals"))
                .timeout(Duration.ofSeconds(1))
                .header("Authorization", "Bearer " + session.token())
                .header("Ocp-Apim-Subscription-Key", SandboxKeys.SUBSCRIPTION_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(session.dailyVoucher(DAY, "hung").toString())).build();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        JsonNode rows = session.get("/v2/AccountTransactions?fromDate=2026-03-14&toDate=2026-03-14").json();
        assertThat(rows.findValuesAsText("ExternalImportReference")).contains("hung");
    }
}
