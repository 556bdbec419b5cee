package no.pogobridge.clearing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One clearing account of a department as matched today: what is still owed (openBalance), since when
 * (oldestOpenDate), the acquirer's fees that payouts lacked and nobody booked yet (unbookedFees), what PowerOffice's
 * payouts brought beyond every day owed (credit), the days, and the open balance at the end of each date something was booked.
 */
public record AccountClearing(int account, String paymentType, BigDecimal openBalance, LocalDate oldestOpenDate,
        long oldestOpenAgeDays, BigDecimal unbookedFees, BigDecimal credit, List<ClearingMatch.Day> days,
        List<ClearingMatch.Balance> balances) {
}
