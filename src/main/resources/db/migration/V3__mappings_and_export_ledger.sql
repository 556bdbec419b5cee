-- Mappings from the POS's catalogue to PowerOffice (accounting-rules.md, "Settings"): account numbers and
-- VAT codes, looked up as PowerOffice ids at posting time.
CREATE TABLE product_type_mapping (
    product_type_id       integer PRIMARY KEY,       -- pos.product_types.id
    standard_account      integer,                   -- revenue account for lines at 25.00 % (gift cards: the liability)
    reduced_account       integer,                   -- revenue account for lines at any other rate
    standard_product_code text,                      -- PowerOffice product for invoicing, standard-rate lines
    reduced_product_code  text,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE vat_code_mapping (
    vat_code_id          integer PRIMARY KEY,        -- pos.vat_codes.id
    poweroffice_vat_code text    NOT NULL,           -- SAF-T code: 3, 31, 33, 5, 6 ...
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payment_type_mapping (
    payment_type_id        integer PRIMARY KEY,      -- pos.payment_types.id
    account                integer,
    transfer_to_accounting boolean NOT NULL,
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rounding_mapping (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    account    integer NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE department_connection
    ADD COLUMN auto_export_since    date,            -- the day automatic export was turned on
    ADD COLUMN auto_invoicing_since date;

-- What was posted to PowerOffice, one row per department, business day and revision. A row is written (CLAIMED)
-- before the voucher is sent and updated in the same transaction that learns the outcome, so after a crash the
-- server knows a post may have happened and asks PowerOffice before it posts again.
CREATE TABLE export_ledger (
    department_id      integer       NOT NULL,
    business_date      date          NOT NULL,
    revision           integer       NOT NULL DEFAULT 1,
    status             text          NOT NULL CHECK (status IN ('CLAIMED', 'SENDING', 'POSTED', 'FAILED', 'REVERSED')),
    external_reference text          NOT NULL,
    voucher_id         uuid,
    voucher_no         bigint,
    z_number           integer,
    total              numeric(14,2),
    lines              jsonb,                        -- the posted lines (account, vatCode, amount, description)
    message            text,
    claimed_by         text,
    claimed_at         timestamptz,
    posted_at          timestamptz,
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (department_id, business_date, revision),
    UNIQUE (external_reference)
);
CREATE INDEX export_ledger_status ON export_ledger (status) WHERE status IN ('CLAIMED', 'SENDING');
