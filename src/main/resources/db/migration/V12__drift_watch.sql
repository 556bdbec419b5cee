-- The drift watch (issue 18, routes/drift-watch.camel.yaml): a posted day whose voucher would differ today.
-- drift: the differences per account and VAT code between the posted lines and today's ([{account, vatCode, posted,
-- now}]), set on the posted revision while it differs; drift_since: when the change that made it differ happened
-- (the newest POS order change or mapping change the watch saw), kept while the drift stays open; drift_locked: the
-- day lies on or before PowerOffice's lock date, so it can only be corrected by hand. Open drift is a POSTED row
-- with drift set; a correction reverses the row (REVERSED) and the new revision starts without drift.
ALTER TABLE export_ledger
    ADD COLUMN drift        jsonb,
    ADD COLUMN drift_since  timestamptz,
    ADD COLUMN drift_locked boolean NOT NULL DEFAULT false;
CREATE INDEX export_ledger_open_drift ON export_ledger (department_id, business_date)
    WHERE status = 'POSTED' AND drift IS NOT NULL;

-- How far each department's posted days have been watched: every POS change and mapping change up to checked_at
-- (less the clock margin) was looked at for the days from window_from on. A pass advances it only when it checked
-- every candidate day of the department.
CREATE TABLE drift_watch (
    department_id integer     PRIMARY KEY,
    window_from   date        NOT NULL,
    checked_at    timestamptz NOT NULL
);

-- A connection may let the watch correct drifted days by itself (reversal + next revision, through the replay).
ALTER TABLE department_connection ADD COLUMN auto_correct boolean NOT NULL DEFAULT false;

ALTER TABLE alert DROP CONSTRAINT alert_kind_check;
ALTER TABLE alert ADD CONSTRAINT alert_kind_check
    CHECK (kind IN ('DAY_BLOCKED', 'DAY_FAILED', 'DAY_LOCKED', 'INVOICE_FAILED', 'DOCUMENTATION_FAILED',
                    'DAY_DRIFTED', 'DAY_DRIFTED_LOCKED'));

-- A drift job covers every connected department: no department of its own; each department's summary is one result.
ALTER TABLE job DROP CONSTRAINT job_kind_check;
ALTER TABLE job ADD CONSTRAINT job_kind_check CHECK (kind IN ('export', 'replay', 'preview', 'drift'));
ALTER TABLE job ALTER COLUMN department_id DROP NOT NULL;
ALTER TABLE job_result ADD COLUMN department_id integer NOT NULL DEFAULT 0;
ALTER TABLE job_result DROP CONSTRAINT job_result_pkey;
ALTER TABLE job_result ADD PRIMARY KEY (job_id, business_date, department_id);
