-- How far the credit orders of a department have been polled: every credit order paid up to (paid_at, order_id)
-- has been claimed. The poll reads from a little before it (late arrivals are deduplicated by their claim), so a
-- year of credit orders is read a page at a time, and an idle poll reads one short page per department.
CREATE TABLE invoicing_cursor (
    department_id integer     PRIMARY KEY,
    since         timestamptz NOT NULL,    -- the invoicingFrom the cursor was made for; another one starts over
    paid_at       timestamptz NOT NULL,
    order_id      bigint      NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
