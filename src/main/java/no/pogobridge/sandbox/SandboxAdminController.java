package no.pogobridge.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sandbox's own controls, for tests and demos (behind the operator token): which keys exist, what was posted,
 * the PDFs attached to vouchers, the lock date, the clients' charts and privileges, payouts booked as a bank import would,
 * the ledger as AccountTransactions lists it, injected faults, the request log, and a reset.
 */
@RestController
@RequestMapping("/sandbox/admin")
@ConditionalOnSandbox
class SandboxAdminController {

    record LockDate(LocalDate lockDate) {
    }

    record AccountChange(String name, Boolean active) {
    }

    /** Admin bodies are read strictly: a misspelt field is a 400 naming it, not a payout without it. */
    private static final ObjectMapper INPUT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SandboxWorld world;
    private final SandboxFaults faults;
    private final SandboxRequestLog requests;
    private final SandboxPostings postings;
    private final SandboxAcquirer acquirer;

    SandboxAdminController(SandboxWorld world, SandboxFaults faults, SandboxRequestLog requests,
            SandboxPostings postings, SandboxAcquirer acquirer) {
        this.world = world;
        this.faults = faults;
        this.requests = requests;
        this.postings = postings;
        this.acquirer = acquirer;
    }

    @GetMapping("/clients")
    List<Map<String, Object>> clients() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (SandboxClient client : world.clients()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", client.code());
            m.put("clientId", client.clientId());
            m.put("name", client.name());
            m.put("lockDate", client.lockDate());
            m.put("validPrivileges", client.validPrivileges());
            m.put("invalidPrivileges", client.invalidPrivileges());
            List<Map<String, Object>> keys = new ArrayList<>();
            for (SandboxWorld.Integration integration : world.integrations()) {
                if (integration.client() == client) {
                    keys.add(Map.of("applicationKeySlot", integration.slot(), "applicationKey",
                            integration.applicationKey(), "clientKey", integration.clientKey()));
                }
            }
            m.put("integrations", keys);
            result.add(m);
        }
        return result;
    }

    @GetMapping("/clients/{code}/vouchers")
    List<Map<String, Object>> vouchers(@PathVariable String code) {
        SandboxClient client = client(code);
        List<Map<String, Object>> result = new ArrayList<>();
        for (SandboxClient.Voucher voucher : client.vouchers()) {
            result.add(adminView(code, voucher));
        }
        return result;
    }

    private Map<String, Object> adminView(String code, SandboxClient.Voucher voucher) {
        Map<String, Object> view = SandboxViews.voucher(voucher);
        view.put("VoucherType", voucher.type());
        view.put("ReversalOf", voucher.reversalOf());
        view.put("IsImported", voucher.imported());
        view.put("HasPdf", voucher.hasPdf());
        // only while the sandbox still holds the bytes (SandboxDocuments keeps the newest within its budget)
        view.put("PdfUrl", world.documents().pdf(voucher.id()).isPresent()
                ? "/sandbox/admin/clients/" + code + "/vouchers/" + voucher.id() + "/documentation.pdf" : null);
        return view;
    }

    /** The PDF an integration attached to the voucher (PUT /VoucherDocumentation), the last one if replaced. */
    @GetMapping("/clients/{code}/vouchers/{id}/documentation.pdf")
    ResponseEntity<byte[]> documentation(@PathVariable String code, @PathVariable String id) {
        SandboxClient client = client(code);
        UUID voucherId;
        try {
            voucherId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no voucher '" + id + "' in " + code);
        }
        SandboxClient.Voucher voucher = client.vouchers().stream().filter(v -> v.id().equals(voucherId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no voucher '" + id + "' in " + code));
        byte[] pdf = world.documents().pdf(voucherId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, voucher.hasPdf()
                        ? "voucher " + voucher.voucherNo() + " has a PDF, but the sandbox no longer holds its bytes "
                                + "(it keeps only the newest attachments)"
                        : "voucher " + voucher.voucherNo() + " has no PDF attached"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("bilag-" + voucher.voucherNo() + ".pdf").build().toString())
                .body(pdf);
    }

    /**
     * Books a payout as the bank or acquirer import would (not one of our vouchers: no ExternalImportReference):
     * {@code {"date":"2026-03-16","clearingAccount":1550,"bankAccount":1920,"amount":6042.38,
     * "fee":{"account":7770,"amount":107.62},"departmentCode":"10","description":"Nets utbetaling"}}; fee,
     * departmentCode, description and voucherType (default BankJournal) may be left out. 201 with the voucher.
     */
    @PostMapping("/clients/{code}/payouts")
    ResponseEntity<Map<String, Object>> bookPayout(@PathVariable String code,
            @RequestBody(required = false) String body) {
        SandboxClient client = problemClient(code);
        if (body == null || body.isBlank()) {
            throw SandboxProblem.validation("Payout", "The request body is empty; send {\"date\":\"yyyy-MM-dd\","
                    + "\"clearingAccount\":1550,\"bankAccount\":1920,\"amount\":1234.56}.");
        }
        SandboxInput.PayoutPost payout;
        try {
            payout = INPUT.readValue(body, SandboxInput.PayoutPost.class);
        } catch (JsonProcessingException e) {
            throw SandboxProblem.validation("Payout", "The body could not be read as a payout: "
                    + e.getOriginalMessage());
        }
        SandboxClient.Voucher voucher = postings.bookPayout(client, payout);
        return ResponseEntity.status(HttpStatus.CREATED).body(adminView(code, voucher));
    }

    /**
     * The client's AccountTransactions as the API lists them (same rows, same order), for people and tests:
     * fromDate and toDate (inclusive) and accountNos ("1550,1900-1999") are optional here. Due acquirer payouts are
     * booked first when the acquirer is on.
     */
    @GetMapping("/clients/{code}/account-transactions")
    List<Map<String, Object>> accountTransactions(@PathVariable String code, HttpServletRequest request) {
        SandboxClient client = problemClient(code);
        SandboxQuery query = new SandboxQuery(request);
        SandboxLedger.Filter filter = SandboxLedger.Filter.dates(query.date("fromDate", false),
                query.date("toDate", false), query.numbers("accountNos"));
        acquirer.settleIfEnabled(client);
        return SandboxLedger.transactions(client, filter);
    }

    /** Refusals of the payout and ledger calls as problem JSON (RFC 9457), with a detail a person can act on. */
    @ExceptionHandler(SandboxProblem.class)
    ResponseEntity<Map<String, Object>> problem(SandboxProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private SandboxClient problemClient(String code) {
        return world.client(code).orElseThrow(() -> SandboxProblem.notFound("There is no sandbox client '" + code
                + "'; GET /sandbox/admin/clients lists them."));
    }

    @GetMapping("/clients/{code}/sales-orders")
    List<Map<String, Object>> salesOrders(@PathVariable String code) {
        SandboxClient client = client(code);
        return client.salesOrders().stream().map(o -> SandboxViews.salesOrder(o, o.applicationKey())).toList();
    }

    @PutMapping("/clients/{code}/lock-date")
    Map<String, Object> lockDate(@PathVariable String code, @RequestBody LockDate body) {
        SandboxClient client = client(code);
        client.setLockDate(body.lockDate());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lockDate", client.lockDate());
        return result;
    }

    /**
     * The accountant changes the client's chart: the account created, or renamed, deactivated or activated again
     * (body {name, active}; active defaults to true).
     */
    @PutMapping("/clients/{code}/accounts/{accountNo}")
    Map<String, Object> putAccount(@PathVariable String code, @PathVariable long accountNo,
            @RequestBody AccountChange body) {
        SandboxClient client = client(code);
        return SandboxViews.account(client.putAccount(accountNo, body.name(),
                body.active() == null || body.active()));
    }

    /** The account taken out of the client's chart, as in a client that never had it. */
    @DeleteMapping("/clients/{code}/accounts/{accountNo}")
    ResponseEntity<Void> removeAccount(@PathVariable String code, @PathVariable long accountNo) {
        if (!client(code).removeAccount(accountNo)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + accountNo + " in " + code);
        }
        return ResponseEntity.noContent().build();
    }

    /** Gives a client a privilege, e.g. VoucherDocumentation_Full, taking it off its InvalidPrivileges. */
    @PutMapping("/clients/{code}/privileges/{privilege}")
    Map<String, Object> grantPrivilege(@PathVariable String code, @PathVariable String privilege) {
        SandboxClient client = client(code);
        client.grantPrivilege(privilege);
        return privileges(client);
    }

    /** Takes a privilege from a client: its endpoints answer 403 and it is listed among the InvalidPrivileges. */
    @DeleteMapping("/clients/{code}/privileges/{privilege}")
    Map<String, Object> revokePrivilege(@PathVariable String code, @PathVariable String privilege) {
        SandboxClient client = client(code);
        client.revokePrivilege(privilege);
        return privileges(client);
    }

    private static Map<String, Object> privileges(SandboxClient client) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("validPrivileges", client.validPrivileges());
        result.put("invalidPrivileges", client.invalidPrivileges());
        return result;
    }

    @PostMapping("/faults")
    ResponseEntity<Void> inject(@RequestBody SandboxFaults.Fault fault) {
        if (fault.mode() == null || fault.count() < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "a fault needs a mode (FAIL, HANG, RATE_LIMIT) and a count of at least 1");
        }
        if (fault.method() != null && !List.of("GET", "POST", "PUT", "DELETE").contains(fault.method().toUpperCase())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "a fault's method is GET, POST, PUT or DELETE, or left out for any");
        }
        faults.inject(fault);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/requests")
    List<SandboxRequestLog.Entry> requests() {
        return requests.entries();
    }

    @PostMapping("/reset")
    ResponseEntity<Void> reset() {
        world.reset();
        faults.clear();
        requests.clear();
        return ResponseEntity.noContent().build();
    }

    private SandboxClient client(String code) {
        return world.client(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no sandbox client '" + code + "'; GET /sandbox/admin/clients lists them"));
    }
}
