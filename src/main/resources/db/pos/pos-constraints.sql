-- References and the indexes the POS contract promises (docs/pos-database.md), added after the bulk load.
ALTER TABLE pos.orders      ADD FOREIGN KEY (department_id)      REFERENCES pos.departments (id);
ALTER TABLE pos.orders      ADD FOREIGN KEY (customer_id)        REFERENCES pos.customers (id);
ALTER TABLE pos.orders      ADD FOREIGN KEY (refund_of_order_id) REFERENCES pos.orders (id);
ALTER TABLE pos.order_lines ADD FOREIGN KEY (order_id)           REFERENCES pos.orders (id);
ALTER TABLE pos.order_lines ADD FOREIGN KEY (product_type_id)    REFERENCES pos.product_types (id);
ALTER TABLE pos.order_lines ADD FOREIGN KEY (vat_code_id)        REFERENCES pos.vat_codes (id);
ALTER TABLE pos.payments    ADD FOREIGN KEY (order_id)           REFERENCES pos.orders (id);
ALTER TABLE pos.payments    ADD FOREIGN KEY (payment_type_id)    REFERENCES pos.payment_types (id);
ALTER TABLE pos.z_reports   ADD FOREIGN KEY (department_id)      REFERENCES pos.departments (id);

CREATE INDEX ON pos.orders (department_id, paid_at);
CREATE INDEX ON pos.order_lines (order_id);
CREATE INDEX ON pos.payments (order_id);
ANALYZE pos.orders;
ANALYZE pos.order_lines;
ANALYZE pos.payments;
