-- (V10 is the Java migration no.pogobridge.secrets.ClientKeyEncryptionMigration.)
-- The day's report attached to each posted voucher revision in PowerOffice as its documentation (issue 17).
-- report: the figures the voucher was built from (DayReport as JSON), written with the SENDING row, so the PDF can
-- be rendered again, byte for byte, whenever it is attached or downloaded; no PDF is stored.
-- documentation: the attachment's own state, apart from the voucher's: a failed attachment never sends the voucher
-- again. PENDING is retried by the automatic export from documentation_next_at on (backoff), FAILED carries
-- PowerOffice's reason, NOT_ALLOWED means the integration lacks VoucherDocumentation_Full, OFF that
-- POGO_DOCUMENTATION=false. Rows posted before this migration have no report and stay NULL (nothing to attach).
ALTER TABLE export_ledger
    ADD COLUMN report                  jsonb,
    ADD COLUMN documentation           text CHECK (documentation IN ('PENDING', 'ATTACHED', 'FAILED', 'NOT_ALLOWED', 'OFF')),
    ADD COLUMN documentation_message   text,
    ADD COLUMN documentation_attempts  integer NOT NULL DEFAULT 0,
    ADD COLUMN documentation_next_at   timestamptz,
    ADD COLUMN documentation_at        timestamptz;
CREATE INDEX export_ledger_documentation_due ON export_ledger (documentation_next_at)
    WHERE status = 'POSTED' AND documentation IN ('PENDING', 'FAILED', 'NOT_ALLOWED');

-- A day whose documentation PowerOffice refused is alerted once.
ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check
    CHECK (kind IN ('DAY_BLOCKED', 'DAY_FAILED', 'DAY_LOCKED', 'INVOICE_FAILED', 'DOCUMENTATION_FAILED'));
