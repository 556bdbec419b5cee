-- Clearing accounts (issue 19, routes/clearing.camel.yaml): PowerOffice's account transactions on a department's
-- clearing accounts, kept here so that each read asks PowerOffice only for what is new. One row per PowerOffice
-- transaction line (its Id), as PowerOffice booked it. origin: OURS (our ExternalImportReference of this
-- department), OTHER_DEPARTMENT (ours, of another department in the same client: never counted here) or OTHER
-- (payouts, fees, anything booked by others). left_out: the line's voucher was reversed, or is a reversal: the pair
-- nets to nothing and neither is a day's takings nor a payout.
CREATE TABLE clearing_transaction (
    department_id integer       NOT NULL,
    line_id       bigint        NOT NULL,
    account_no    integer       NOT NULL,
    voucher_date  date          NOT NULL,
    amount        numeric(15,2) NOT NULL,
    voucher_id    text,
    voucher_no    bigint,
    voucher_type  text,
    origin        text          NOT NULL CHECK (origin IN ('OURS', 'OTHER_DEPARTMENT', 'OTHER')),
    left_out      boolean       NOT NULL,
    created_at    timestamptz,
    PRIMARY KEY (department_id, line_id)
);
CREATE INDEX clearing_transaction_account ON clearing_transaction (department_id, account_no, voucher_date);
CREATE INDEX clearing_transaction_voucher ON clearing_transaction (department_id, voucher_id);

-- How far a department's clearing accounts have been read: every line PowerOffice created up to read_through on the
-- accounts (account list), department code and dates from from_date on. A change of any of these reads again in
-- full.
CREATE TABLE clearing_cursor (
    department_id   integer     PRIMARY KEY,
    accounts        text        NOT NULL,
    department_code text,
    from_date       date        NOT NULL,
    read_through    timestamptz,
    read_at         timestamptz NOT NULL
);

ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check
    CHECK (kind IN ('DAY_BLOCKED', 'DAY_FAILED', 'DAY_LOCKED', 'INVOICE_FAILED', 'DOCUMENTATION_FAILED',
                    'DAY_DRIFTED', 'DAY_DRIFTED_LOCKED', 'CLEARING_OVERDUE'));

ALTER TABLE job DROP CONSTRAINT job_kind_check;
ALTER TABLE job ADD CONSTRAINT job_kind_check CHECK (kind IN ('export', 'replay', 'preview', 'drift', 'clearing'));
