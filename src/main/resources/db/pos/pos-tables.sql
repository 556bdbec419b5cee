-- The POS database contract (docs/pos-database.md), schema pos, table and column names exactly.
-- Used only for the embedded demo database and for benchmarks; a real POS already has these tables.
-- Foreign keys and secondary indexes are in pos-constraints.sql, added after a bulk load.
CREATE SCHEMA IF NOT EXISTS pos;

CREATE TABLE pos.departments (
    id   integer PRIMARY KEY,
    name text    NOT NULL
);

CREATE TABLE pos.vat_codes (
    id   integer      PRIMARY KEY,
    name text         NOT NULL,
    rate numeric(5,2) NOT NULL
);

CREATE TABLE pos.product_types (
    id           integer PRIMARY KEY,
    name         text    NOT NULL,
    is_gift_card boolean NOT NULL DEFAULT false
);

CREATE TABLE pos.payment_types (
    id   integer PRIMARY KEY,
    name text    NOT NULL,
    kind text    NOT NULL
);

CREATE TABLE pos.customers (
    id                  integer PRIMARY KEY,
    name                text    NOT NULL,
    organization_number text    NULL,
    email               text    NULL
);

CREATE TABLE pos.orders (
    id                 bigint        PRIMARY KEY,
    department_id      integer       NOT NULL,
    order_number       bigint        NOT NULL,
    status             text          NOT NULL,
    takeaway           boolean       NOT NULL DEFAULT false,
    customer_id        integer       NULL,
    created_at         timestamptz   NOT NULL,
    paid_at            timestamptz   NULL,
    rounding           numeric(12,2) NOT NULL DEFAULT 0,
    refund_of_order_id bigint        NULL,
    updated_at         timestamptz   NOT NULL
);

CREATE TABLE pos.order_lines (
    id              bigint        PRIMARY KEY,
    order_id        bigint        NOT NULL,
    product_type_id integer       NOT NULL,
    vat_code_id     integer       NOT NULL,
    description     text          NOT NULL,
    quantity        numeric(12,3) NOT NULL,
    unit_price      numeric(12,2) NOT NULL,
    discount        numeric(12,2) NOT NULL DEFAULT 0,
    amount          numeric(12,2) NOT NULL
);

CREATE TABLE pos.payments (
    id              bigint        PRIMARY KEY,
    order_id        bigint        NOT NULL,
    payment_type_id integer       NOT NULL,
    amount          numeric(12,2) NOT NULL,
    tip             numeric(12,2) NOT NULL DEFAULT 0,
    paid_at         timestamptz   NOT NULL
);

CREATE TABLE pos.z_reports (
    department_id integer     NOT NULL,
    business_date date        NOT NULL,
    z_number      integer     NOT NULL,
    closed_at     timestamptz NOT NULL,
    PRIMARY KEY (department_id, business_date)
);
