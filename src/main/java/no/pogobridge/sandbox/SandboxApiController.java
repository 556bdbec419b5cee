package no.pogobridge.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import no.pogobridge.sandbox.SandboxClient.Voucher;
import no.pogobridge.sandbox.SandboxWorld.Session;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The PowerOffice GO v2 endpoints the bridge uses, answered the way PowerOffice answers them (see section 12 of
 * docs/poweroffice-go-api-v2-payloads.md): OAuth client credentials, bearer tokens per client, privileges,
 * PascalCase DTOs, ProblemDetails, 204 for an empty list, X-Pagination paging.
 */
@RestController
@RequestMapping("/sandbox/poweroffice")
@ConditionalOnSandbox
class SandboxApiController {

    private static final int MAX_PAGE_SIZE = 20_000;
    private static final int DEFAULT_PAGE_SIZE = 5_000;

    /** ASP.NET binds JSON bodies case-insensitively and ignores properties it does not know. */
    private static final ObjectMapper INPUT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SandboxWorld world;
    private final SandboxPostings postings;
    private final SandboxProperties properties;
    private final SandboxAcquirer acquirer;

    SandboxApiController(SandboxWorld world, SandboxPostings postings, SandboxProperties properties,
            SandboxAcquirer acquirer) {
        this.world = world;
        this.postings = postings;
        this.properties = properties;
        this.acquirer = acquirer;
    }

    // ---- OAuth ---------------------------------------------------------------------------------------------

    @PostMapping(path = {"/OAuth/Token", "/oauth/token", "/oauth/Token", "/OAuth/token"})
    ResponseEntity<Map<String, Object>> token(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
            String authorization, @RequestParam MultiValueMap<String, String> form) {
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return oauthError("unsupported_grant_type", "Only grant_type=client_credentials is supported.");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return oauthError("invalid_request", "The Authorization header must carry Basic credentials "
                    + "(applicationKey:clientKey).");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return oauthError("invalid_request", "The Basic credentials are not valid base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return oauthError("invalid_request", "The Basic credentials must be applicationKey:clientKey.");
        }
        return world.issueToken(decoded.substring(0, colon), decoded.substring(colon + 1), properties.tokenLifetime())
                .map(session -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", session.token());
                    body.put("token_type", "bearer");
                    body.put("expires_in", properties.tokenLifetime().toSeconds());
                    return ResponseEntity.ok(body);
                })
                .orElseGet(() -> oauthError("invalid_client", "Client integration not found. Please ensure the "
                        + "provided keys are matching the desired environment."));
    }

    private static ResponseEntity<Map<String, Object>> oauthError(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ResponseEntity.badRequest().body(body);
    }

    // ---- settings and master data --------------------------------------------------------------------------

    @GetMapping("/v2/ClientIntegrationInformation")
    Map<String, Object> clientIntegrationInformation(HttpServletRequest request) {
        SandboxClient client = authorize(request).integration().client();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", client.clientId());
        body.put("ClientName", client.name());
        body.put("ActiveClientSubscriptions", client.subscriptions);
        body.put("ValidPrivileges", client.validPrivileges());
        body.put("InvalidPrivileges", client.invalidPrivileges());
        return body;
    }

    @GetMapping("/v2/LockDateSettings")
    Map<String, Object> lockDateSettings(HttpServletRequest request) {
        SandboxClient client = authorize(request, "CommonServices").integration().client();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("LockDate", client.lockDate());
        return body;
    }

    @GetMapping("/v2/GeneralLedgerAccounts")
    ResponseEntity<?> generalLedgerAccounts(HttpServletRequest request) {
        SandboxClient client = authorize(request, "GeneralLedgerAccount").integration().client();
        SandboxQuery query = new SandboxQuery(request);
        LongPredicate numbers = query.numbers("accountNos");
        return page(request, query, client.accounts().stream().filter(a -> numbers.test(a.accountNo()))
                .map(SandboxViews::account).toList());
    }

    @GetMapping("/v2/VatCodes")
    ResponseEntity<?> vatCodes(HttpServletRequest request) {
        SandboxClient client = authorize(request, "CommonServices").integration().client();
        SandboxQuery query = new SandboxQuery(request);
        Boolean active = query.bool("isActive");
        query.bool("includeExpired");
        return page(request, query, client.vatCodes().stream().filter(v -> active == null || v.active() == active)
                .map(SandboxViews::vatCode).toList());
    }

    @GetMapping("/v2/Departments")
    ResponseEntity<?> departments(HttpServletRequest request) {
        SandboxClient client = authorize(request, "Department").integration().client();
        SandboxQuery query = new SandboxQuery(request);
        Set<String> codes = query.strings("codes");
        Boolean active = query.bool("isActive");
        String name = query.get("name");
        return page(request, query, client.departments().stream()
                .filter(d -> codes == null || codes.contains(d.code()))
                .filter(d -> active == null || d.active() == active)
                .filter(d -> name == null || d.name().equalsIgnoreCase(name))
                .map(SandboxViews::department).toList());
    }

    /** Projects (spec: GetProjects) by projectCodes, name (contains) and excludeArchivedProject. */
    @GetMapping("/v2/Projects")
    ResponseEntity<?> projects(HttpServletRequest request) {
        SandboxClient client = authorize(request, "Project").integration().client();
        SandboxQuery query = new SandboxQuery(request);
        Set<String> codes = query.strings("projectCodes");
        String name = query.get("name");
        Boolean excludeArchived = query.bool("excludeArchivedProject");
        return page(request, query, client.projects().stream()
                .filter(p -> codes == null || codes.contains(p.code()))
                .filter(p -> name == null || p.name().toLowerCase(java.util.Locale.ROOT)
                        .contains(name.toLowerCase(java.util.Locale.ROOT)))
                .filter(p -> !Boolean.TRUE.equals(excludeArchived) || p.active())
                .map(SandboxViews::project).toList());
    }

    @GetMapping("/v2/Customers")
    ResponseEntity<?> customers(HttpServletRequest request) {
        SandboxClient client = authorize(request, "Customer").integration().client();
        SandboxQuery query = new SandboxQuery(request);
        LongPredicate numbers = query.numbers("customerNos");
        return page(request, query, client.customers().stream().filter(c -> numbers.test(c.number()))
                .map(SandboxViews::customer).toList());
    }

    @GetMapping("/v2/Products")
    ResponseEntity<?> products(HttpServletRequest request) {
        SandboxClient client = authorize(request, "Product").integration().client();
        SandboxQuery query = new SandboxQuery(request);
        Set<String> codes = query.strings("codes");
        Boolean archived = query.bool("isArchived");
        return page(request, query, client.products().stream()
                .filter(p -> codes == null || codes.contains(p.code()))
                .filter(p -> archived == null || p.archived() == archived)
                .map(p -> SandboxViews.product(p, client)).toList());
    }

    // ---- vouchers ------------------------------------------------------------------------------------------

    @PostMapping("/v2/Vouchers/CashJournals")
    ResponseEntity<Map<String, Object>> postCashJournal(HttpServletRequest request, @RequestBody(required = false)
            String body) {
        Session session = authorize(request, "CashVoucher_Full");
        SandboxInput.CashVoucherPost post = read(body, SandboxInput.CashVoucherPost.class, "Voucher");
        Voucher voucher = postings.postCashJournal(session.integration().client(),
                session.integration().applicationKey(), post);
        return ResponseEntity.status(HttpStatus.CREATED).body(SandboxViews.voucher(voucher));
    }

    @GetMapping("/v2/Vouchers/CashJournals/{id}")
    Map<String, Object> cashJournal(HttpServletRequest request, @PathVariable String id) {
        Session session = authorize(request, "CashVoucher_Full");
        return SandboxViews.voucher(postings.voucher(session.integration().client(),
                session.integration().applicationKey(), id));
    }

    @PostMapping("/v2/Vouchers/Reverse/{id}")
    ResponseEntity<Void> reverse(HttpServletRequest request, @PathVariable String id) {
        Session session = authorize(request, "YearEndVoucher_Full");
        postings.reverse(session.integration().client(), session.integration().applicationKey(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    /**
     * Every posted line of the client (its integrations' vouchers, their reversals, payouts booked as bank imports)
     * by voucher date, voucher number and line, filtered as the spec's GetAccountTransactions filters.
     */
    @GetMapping("/v2/AccountTransactions")
    ResponseEntity<?> accountTransactions(HttpServletRequest request) {
        SandboxClient client = authorize(request, "AccountTransaction", "AccountTransaction_Full").integration()
                .client();
        SandboxQuery query = new SandboxQuery(request);
        LocalDate from = query.date("fromDate", true);
        LocalDate to = query.date("toDate", true);
        java.time.OffsetDateTime createdAfter = query.offsetDateTime("createdDateTimeOffsetGreaterThan");
        java.time.OffsetDateTime changedAfter = query.offsetDateTime("lastChangedDateTimeOffsetGreaterThan");
        SandboxLedger.Filter filter = new SandboxLedger.Filter(from, to, query.numbers("accountNos"),
                query.numbers("voucherNos"), query.strings("departmentCodes"), voucherTypes(query), createdAfter,
                changedAfter);
        acquirer.settleIfEnabled(client);
        return page(request, query, SandboxLedger.transactions(client, filter));
    }

    private static Set<String> voucherTypes(SandboxQuery query) {
        Set<String> given = query.strings("voucherTypes");
        if (given == null) {
            return null;
        }
        Set<String> types = new java.util.HashSet<>();
        for (String type : given) {
            String known = SandboxPostings.voucherType(type);
            if (known == null) {
                throw SandboxQuery.bad("The value '" + type + "' is not valid for voucherTypes; the voucher types "
                        + "are " + SandboxPostings.VOUCHER_TYPES + ".");
            }
            types.add(known);
        }
        return types;
    }

    /**
     * The saldobalanse at {@code date} (inclusive) by account number, for accountNos and departmentCodes ("-1":
     * lines without a department); hideAccountsWithZeroBalance drops accounts whose postings net to 0.
     */
    @GetMapping("/v2/TrialBalance")
    ResponseEntity<?> trialBalance(HttpServletRequest request) {
        SandboxClient client = authorize(request, "TrialBalance", "TrialBalance_Full").integration().client();
        SandboxQuery query = new SandboxQuery(request);
        LocalDate date = query.date("date", true);
        LongPredicate accountNos = query.numbers("accountNos");
        Set<String> departments = query.strings("departmentCodes");
        boolean hideZero = Boolean.TRUE.equals(query.bool("hideAccountsWithZeroBalance"));
        acquirer.settleIfEnabled(client);
        return page(request, query, SandboxLedger.trialBalance(client, date, accountNos, departments, hideZero));
    }

    // ---- voucher documentation ----------------------------------------------------------------------------

    /**
     * The PDF of an imported voucher, as multipart/form-data part {@code file}; a second PUT replaces the first.
     * Answers 204 (the spec allows 202 or 204: the sandbox stores at once). Multipart parsing is lazy
     * (spring.servlet.multipart.resolve-lazily), so the privilege is checked before the body is read and a body
     * Spring's multipart limits refuse still reaches {@link #unreadableUpload} as a 400.
     */
    @PutMapping("/v2/VoucherDocumentation")
    ResponseEntity<Void> putVoucherDocumentation(HttpServletRequest request) throws IOException {
        Session session = authorize(request, "VoucherDocumentation_Full");
        UUID id = new SandboxQuery(request).uuid("id", true);
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file")
                : null;
        if (file == null) {
            throw SandboxProblem.validation("VoucherDocumentation",
                    "The PDF is missing: send multipart/form-data with the file in a part named 'file'.");
        }
        if (file.getSize() > SandboxPostings.MAX_DOCUMENTATION_BYTES) {
            throw SandboxPostings.tooLarge(file.getSize());
        }
        postings.attachDocumentation(session.integration().client(), session.integration().applicationKey(), id,
                file.getBytes(), world.documents());
        return ResponseEntity.noContent().build();
    }

    /** The client's vouchers (any integration's) by id or voucherNo, with the kinds of documentation each has. */
    @GetMapping("/v2/VoucherDocumentation")
    ResponseEntity<?> voucherDocumentation(HttpServletRequest request) {
        SandboxClient client = authorize(request, "VoucherDocumentation", "VoucherDocumentation_Full")
                .integration().client();
        SandboxQuery query = new SandboxQuery(request);
        UUID id = query.uuid("id", false);
        Long voucherNo = query.number("voucherNo");
        return page(request, query, client.vouchers().stream()
                .filter(v -> id == null || v.id().equals(id))
                .filter(v -> voucherNo == null || v.voucherNo() == voucherNo)
                .map(SandboxViews::voucherDocumentation).toList());
    }

    /** A multipart body that could not be read, or that Spring's multipart limits refused: a 400 as PowerOffice's. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableUpload(MultipartException e) {
        return problem(e instanceof MaxUploadSizeExceededException
                ? SandboxProblem.validation("VoucherDocumentation", "The upload is larger than the max file size of "
                        + "30 MB (" + SandboxPostings.MAX_DOCUMENTATION_BYTES + " bytes).")
                : SandboxProblem.validation("VoucherDocumentation",
                        "The multipart/form-data body could not be read: " + e.getMessage()));
    }

    // ---- sales orders --------------------------------------------------------------------------------------

    @PostMapping("/v2/SalesOrders/Complete")
    ResponseEntity<Map<String, Object>> completeSalesOrder(HttpServletRequest request,
            @RequestBody(required = false) String body) {
        Session session = authorize(request, "SalesOrders_Full");
        SandboxInput.SalesOrderPost post = read(body, SandboxInput.SalesOrderPost.class, "SalesOrder");
        SandboxClient.SalesOrder order = postings.completeSalesOrder(session.integration().client(),
                session.integration().applicationKey(), post);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(SandboxViews.salesOrder(order, session.integration().applicationKey()));
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /**
     * 401 for a missing, unknown or expired token; 403 when the client has none of the privileges the endpoint
     * accepts (none named: any client may call it).
     */
    private Session authorize(HttpServletRequest request, String... privileges) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        Session session = world.session(token).orElseThrow(() -> SandboxProblem.unauthorized(
                token == null ? "Access token is missing." : "Access token is invalid or expired."));
        SandboxClient client = session.integration().client();
        if (privileges.length > 0 && java.util.Arrays.stream(privileges).noneMatch(client::hasPrivilege)) {
            throw SandboxProblem.forbidden("The integration lacks the privilege " + String.join(" or ", privileges)
                    + ".");
        }
        return session;
    }

    private static <T> T read(String body, Class<T> type, String entity) {
        if (body == null || body.isBlank()) {
            throw SandboxProblem.validation(entity, "The request body is empty.");
        }
        try {
            return INPUT.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new SandboxProblem(HttpStatus.BAD_REQUEST, "Unable to cast object(s)",
                    "The request body could not be read as " + entity + ": " + e.getOriginalMessage());
        }
    }

    /** PageNumber (1-based), PageSize (max 20000), Fields; 204 with no body when nothing matches. */
    private static ResponseEntity<?> page(HttpServletRequest request, SandboxQuery query,
            List<Map<String, Object>> all) {
        int pageSize = query.integer("PageSize", DEFAULT_PAGE_SIZE);
        int pageNumber = query.integer("PageNumber", 1);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw SandboxQuery.bad("PageSize must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        if (pageNumber < 1) {
            throw SandboxQuery.bad("PageNumber must be 1 or more.");
        }
        List<Map<String, Object>> rows = fields(query.get("Fields"), all);
        int total = rows.size();
        int totalPages = (total + pageSize - 1) / pageSize;
        int from = Math.min(total, (pageNumber - 1) * pageSize);
        List<Map<String, Object>> page = rows.subList(from, Math.min(total, from + pageSize));
        if (page.isEmpty()) {
            return ResponseEntity.noContent().build();
        }
        String pagination = "{\"totalCount\":" + total + ",\"pageSize\":" + pageSize + ",\"currentPage\":"
                + pageNumber + ",\"totalPages\":" + totalPages + ",\"previousPageLink\":"
                + link(request, pageNumber > 1 ? pageNumber - 1 : null) + ",\"nextPageLink\":"
                + link(request, pageNumber < totalPages ? pageNumber + 1 : null) + "}";
        return ResponseEntity.ok().header("X-Pagination", pagination).contentType(MediaType.APPLICATION_JSON)
                .body(page);
    }

    private static String link(HttpServletRequest request, Integer pageNumber) {
        if (pageNumber == null) {
            return "null";
        }
        return "\"" + ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("PageNumber", pageNumber)
                .build().toUriString() + "\"";
    }

    private static List<Map<String, Object>> fields(String fields, List<Map<String, Object>> rows) {
        if (fields == null || rows.isEmpty()) {
            return rows;
        }
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(rows.get(0).keySet());
        List<String> wanted = List.of(fields.split(",")).stream().map(String::trim).filter(f -> !f.isEmpty())
                .toList();
        for (String f : wanted) {
            if (!known.contains(f)) {
                throw SandboxQuery.bad("'" + f + "' is not a field of this resource.");
            }
        }
        Set<String> keep = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keep.addAll(wanted);
        return rows.stream().map(row -> row.entrySet().stream().filter(e -> keep.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)))
                .map(m -> (Map<String, Object>) m).toList();
    }

    /**
     * ProblemDetails with lower-case keys, as every example in PowerOffice's spec has them, served as
     * application/json as the spec declares; 401 and 403 carry no body.
     */
    @ExceptionHandler(SandboxProblem.class)
    ResponseEntity<Object> problem(SandboxProblem problem) {
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            return ResponseEntity.status(problem.status())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
        }
        if (problem.status() == HttpStatus.FORBIDDEN) {
            return ResponseEntity.status(problem.status()).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://tools.ietf.org/html/rfc9110#section-15.5." + (problem.status().value() - 399));
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.getMessage());
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
