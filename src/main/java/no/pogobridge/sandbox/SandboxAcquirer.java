package no.pogobridge.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated card and Vipps acquirer: for the takings our vouchers (and their reversals) posted on the sandbox's
 * clearing accounts, it books the payouts {@link AcquirerSchedule} decides, once each, when their date has come, as
 * a bank import would (SandboxPostings.bookPayout: bank 1920 debited, the clearing account credited, the fee on
 * 7770). Switched on by {@code pogo.sandbox.acquirer.enabled}, which the embedded demo sets: it then settles every
 * {@code tick} and before each read of AccountTransactions or TrialBalance. Off, it books only when a test asks.
 */
public final class SandboxAcquirer implements AutoCloseable {

    /** A clearing account the acquirer pays out, and its fee rate. */
    public record Clearing(long accountNo, BigDecimal feeRate, String payer) {
    }

    public static final List<Clearing> CLEARINGS = List.of(
            new Clearing(1550, new BigDecimal("0.0175"), "Nets utbetaling bankkort"),
            new Clearing(1560, new BigDecimal("0.0099"), "Vipps utbetaling"));
    public static final long BANK_ACCOUNT = 1920;
    public static final long FEE_ACCOUNT = 7770;

    private static final Logger log = LoggerFactory.getLogger(SandboxAcquirer.class);
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final SandboxWorld world;
    private final SandboxPostings postings;
    private final Clock clock;
    private final boolean enabled;
    private final ScheduledExecutorService ticker;

    public SandboxAcquirer(SandboxWorld world, SandboxPostings postings, Clock clock, boolean enabled,
            Duration tick) {
        this.world = world;
        this.postings = postings;
        this.clock = clock;
        this.enabled = enabled;
        if (enabled) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sandbox-acquirer");
                thread.setDaemon(true);
                return thread;
            });
            long millis = tick.toMillis();
            ticker.scheduleWithFixedDelay(this::settleAll, millis, millis, TimeUnit.MILLISECONDS);
            log.info("Sandbox acquirer on: payouts of the takings on {} are booked two days after the business day "
                    + "(docs/sandbox.md)", CLEARINGS.stream().map(Clearing::accountNo).toList());
        } else {
            ticker = null;
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Before a read of the ledger: the payouts due by now are booked, when the acquirer is on. */
    void settleIfEnabled(SandboxClient client) {
        if (enabled) {
            settle(client);
        }
    }

    private void settleAll() {
        try {
            world.clients().forEach(this::settle);
        } catch (RuntimeException e) {
            log.warn("Sandbox acquirer: a settlement run failed; the next tick tries again", e);
        }
    }

    /**
     * Books every payout due by today (Europe/Oslo) that is not booked yet; returns how many it booked. Payouts
     * dated on or before the client's lock date are left out, as PowerOffice would refuse them.
     */
    public int settle(SandboxClient client) {
        LocalDate today = LocalDate.now(clock.withZone(OSLO));
        int booked = 0;
        synchronized (client) {
            LocalDate lock = client.lockDate;
            for (Map.Entry<Takings, BigDecimal> day : takings(client).entrySet()) {
                Takings t = day.getKey();
                for (AcquirerSchedule.Payment payment : AcquirerSchedule.payments(t.date(), day.getValue(),
                        t.clearing().feeRate())) {
                    String key = t.clearing().accountNo() + "|" + t.departmentCode() + "|" + t.date() + "|"
                            + payment.part();
                    if (payment.date().isAfter(today) || (lock != null && !payment.date().isAfter(lock))
                            || client.acquirerPayouts.contains(key)) {
                        continue;
                    }
                    client.acquirerPayouts.add(key);
                    try {
                        postings.bookPayout(client, new SandboxInput.PayoutPost(payment.date(),
                                t.clearing().accountNo(), BANK_ACCOUNT, payment.amount(),
                                payment.fee() == null ? null : new SandboxInput.PayoutFee(FEE_ACCOUNT, payment.fee()),
                                t.departmentCode(), description(t, payment), "BankJournal"));
                        booked++;
                    } catch (SandboxProblem e) {
                        // e.g. an inactive department: left unpaid, as a real acquirer's import would fail, once
                        log.warn("Sandbox acquirer: the payout {} of {} could not be booked: {}", key,
                                payment.amount(), e.getMessage());
                    }
                }
            }
        }
        return booked;
    }

    private static String description(Takings t, AcquirerSchedule.Payment payment) {
        String parts = AcquirerSchedule.settlement(t.date()) == AcquirerSchedule.Settlement.SPLIT
                ? " (del " + payment.part() + " av 2)" : "";
        return t.clearing().payer() + " " + t.date() + parts;
    }

    private record Takings(Clearing clearing, String departmentCode, LocalDate date) implements Comparable<Takings> {
        @Override
        public int compareTo(Takings o) {
            int c = date.compareTo(o.date);
            if (c == 0) {
                c = Long.compare(clearing.accountNo(), o.clearing.accountNo());
            }
            return c != 0 ? c : String.valueOf(departmentCode).compareTo(String.valueOf(o.departmentCode));
        }
    }

    /** What our vouchers and their reversals left on each clearing account, by department and posting date. */
    private static Map<Takings, BigDecimal> takings(SandboxClient client) {
        Map<Takings, BigDecimal> sums = new TreeMap<>();
        for (SandboxClient.Voucher v : new ArrayList<>(client.vouchers.values())) {
            if (!v.imported && v.reversalOf == null) {
                continue;
            }
            for (SandboxClient.VoucherLine line : v.lines) {
                SandboxClient.Account account = client.accounts.get(line.accountId());
                CLEARINGS.stream().filter(c -> c.accountNo() == account.accountNo()).findFirst().ifPresent(c -> {
                    String department = line.departmentId() == null ? null
                            : client.departments.get(line.departmentId()).code();
                    sums.merge(new Takings(c, department, line.postingDate()), line.amount(), BigDecimal::add);
                });
            }
        }
        return sums;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
