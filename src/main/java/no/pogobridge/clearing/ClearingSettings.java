package no.pogobridge.clearing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * pogo.clearing.*: when the check runs (CLEARING_CRON, Europe/Oslo), after how many days an open day is overdue
 * (POGO_CLEARING_OVERDUE_DAYS), how far back the accounts are read (POGO_CLEARING_WINDOW_DAYS), the largest
 * acquirer's fee a payout may lack and still close its days (POGO_CLEARING_MAX_FEE_PERCENT), the accounts an
 * operator adds (POGO_CLEARING_ACCOUNTS), the page size and the read margin.
 */
@ConfigurationProperties("pogo.clearing")
public record ClearingSettings(String cron, int overdueDays, int windowDays, BigDecimal maxFeePercent,
        List<Integer> extraAccounts, int pageSize, Duration readMargin) {

    /** PowerOffice's MaxPageSize: a larger page is refused with 400. */
    static final int MAX_PAGE_SIZE = 20000;

    public ClearingSettings {
        if (overdueDays < 1 || overdueDays > 366) {
            throw new IllegalArgumentException("POGO_CLEARING_OVERDUE_DAYS (pogo.clearing.overdue-days) must be 1 to "
                    + "366 days, was " + overdueDays);
        }
        if (windowDays < 1 || windowDays > 3660) {
            throw new IllegalArgumentException("POGO_CLEARING_WINDOW_DAYS (pogo.clearing.window-days) must be 1 to "
                    + "3660 days, was " + windowDays);
        }
        if (maxFeePercent == null || maxFeePercent.signum() < 0 || maxFeePercent.compareTo(BigDecimal.valueOf(50)) > 0) {
            throw new IllegalArgumentException("POGO_CLEARING_MAX_FEE_PERCENT (pogo.clearing.max-fee-percent) must be "
                    + "0 to 50, was " + maxFeePercent);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pogo.clearing.page-size must be 1 to " + MAX_PAGE_SIZE + ", was "
                    + pageSize);
        }
        extraAccounts = extraAccounts == null ? List.of() : List.copyOf(extraAccounts);
        for (Integer account : extraAccounts) {
            if (account == null || account < 1000 || account > 99999) {
                throw new IllegalArgumentException("POGO_CLEARING_ACCOUNTS (pogo.clearing.extra-accounts) takes "
                        + "account numbers (1000 to 99999), separated by commas; " + account + " is none");
            }
        }
        if (readMargin == null || readMargin.isNegative()) {
            throw new IllegalArgumentException("pogo.clearing.read-margin must be 0 or more, was " + readMargin);
        }
    }

    /** The fee share as the matcher takes it: 5 % is 0.05. */
    BigDecimal maxFeeShare() {
        return maxFeePercent.movePointLeft(2);
    }
}
