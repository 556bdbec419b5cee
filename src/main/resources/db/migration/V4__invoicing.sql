-- Invoicing of credit orders (accounting-rules.md, "Credit orders -> sales orders").

-- Which PowerOffice customer a POS customer is invoiced as.
CREATE TABLE customer_link (
    pos_customer_id          integer PRIMARY KEY,    -- pos.customers.id
    poweroffice_customer_id  bigint  NOT NULL,
    poweroffice_customer_no  bigint,
    poweroffice_customer_name text,
    poweroffice_client_id    text    NOT NULL,
    linked_at                timestamptz NOT NULL DEFAULT now()
);

-- One row per credit order the server has taken on. The row is the claim: inserted once (primary key), so two
-- instances never take the same order; SENDING is committed before the request leaves, so an order is attempted
-- at most once unless an operator resends it.
CREATE TABLE invoice_status (
    order_id              bigint  PRIMARY KEY,       -- pos.orders.id
    department_id         integer NOT NULL,
    status                text    NOT NULL CHECK (status IN ('CLAIMED', 'SENDING', 'SENT', 'FAILED')),
    external_reference    text    NOT NULL,
    attempts              integer NOT NULL DEFAULT 0,
    claimed_by            text,
    claimed_at            timestamptz,
    sent_at               timestamptz,
    poweroffice_order_id  uuid,
    poweroffice_order_no  bigint,
    message               text,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_status_open ON invoice_status (status) WHERE status IN ('CLAIMED', 'SENDING');
