-- Replay corrects a posted day by reversing its voucher and posting the new figures as the next revision.
-- REVERSING is written before the reversal is requested, REVERSED once PowerOffice has it: a crash in between, or
-- between the reversal and the repost, is finished on the next replay or start, never doubled.
ALTER TABLE export_ledger DROP CONSTRAINT export_ledger_status_check;
ALTER TABLE export_ledger ADD CONSTRAINT export_ledger_status_check
    CHECK (status IN ('CLAIMED', 'SENDING', 'POSTED', 'FAILED', 'REVERSING', 'REVERSED'));
ALTER TABLE export_ledger ADD COLUMN reversed_at timestamptz;
