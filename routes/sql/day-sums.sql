-- The POS side of a run of one department's business days, summed in one statement: a month of a backlog
-- (route read-run-of-days) or a single day (route read-day-sums), both in routes/daily-export.camel.yaml. About
-- twenty rows a day whatever the day's size, each marked with its business_date. Named parameters (camel-sql,
-- :#name; DaySums.parameters): departmentId; businessDates, dayStarts, dayEnds (the days and their instants, as
-- the department's calendar has them, ISO texts); giftCardProductTypes, untransferredPaymentTypes,
-- giftCardsUntransferred. Never splice values in. Besides business_date each row has the columns voucherLines.sum
-- reads (DaySums.fromRow): kind, type_id, vat_code_id, amount, orders, order_id, order_number, lines_total,
-- rounding, payments_total. DaySumsQueryTest runs this file against the same arithmetic in Java.
--
-- One pass: the days' orders (the (department_id, paid_at) index, a range per day), then their lines and payments
-- (the (order_id) indexes, each read once for all the run's orders: one index scan over an array of ids, cheaper
-- than a lookup per order); the per-order checks (an order whose lines and rounding do not add up to its payments;
-- an order paid with an untransferred type or selling a gift card) are windows over each order's few rows, and one
-- aggregation (grouped) gives every sum, so no order, line or payment is read twice. The CTEs marked MATERIALIZED
-- keep the plan on those indexes whatever PostgreSQL guesses of a run's size; the two branches of entry have the
-- same column types, so no row is cast.
WITH day AS (
  SELECT d.business_date, d.day_start, d.day_end
  FROM unnest(CAST(:#businessDates AS date[]), CAST(:#dayStarts AS timestamptz[]),
  CAST(:#dayEnds AS timestamptz[])) AS d(business_date, day_start, day_end)
), day_order AS MATERIALIZED (
  SELECT d.business_date, o.id, o.order_number, o.rounding
  FROM day d CROSS JOIN LATERAL (SELECT o.id, o.order_number, o.rounding FROM pos.orders o
  WHERE o.department_id = :#departmentId AND o.status = 'PAID'
  AND o.paid_at >= d.day_start AND o.paid_at < d.day_end) o
  ORDER BY o.id
), entry AS (
  SELECT l.order_id, true AS is_line, l.product_type_id AS type_id, l.vat_code_id, l.amount,
  CAST(0 AS numeric(12,2)) AS tip
  FROM pos.order_lines l WHERE l.order_id = ANY (ARRAY(SELECT id FROM day_order))
  UNION ALL SELECT p.order_id, false, p.payment_type_id, CAST(NULL AS integer), p.amount, p.tip
  FROM pos.payments p WHERE p.order_id = ANY (ARRAY(SELECT id FROM day_order))
), checked AS (
  SELECT o.business_date, o.id, o.order_number, o.rounding, e.is_line, e.type_id, e.vat_code_id, e.amount, e.tip,
  row_number() OVER per_order = 1 AS first_of_order,
  coalesce(sum(CASE WHEN e.is_line THEN e.amount ELSE -e.amount END) OVER per_order, 0) + o.rounding
  AS difference,
  min(CASE WHEN NOT e.is_line AND e.type_id = ANY (:#untransferredPaymentTypes) THEN e.type_id END)
  OVER per_order AS untransferred_type,
  bool_or(e.is_line AND e.type_id = ANY (:#giftCardProductTypes)) OVER per_order AS sells_gift_card
  FROM day_order o LEFT JOIN entry e ON e.order_id = o.id
  WINDOW per_order AS (PARTITION BY o.id)
), classified AS (
  SELECT business_date, id, order_number, rounding, is_line, type_id, vat_code_id, amount, tip, first_of_order,
  untransferred_type,
  CASE WHEN difference <> 0 THEN 'UNBALANCED'
  WHEN untransferred_type IS NOT NULL THEN 'PAID_WITH_UNTRANSFERRED_TYPE'
  WHEN sells_gift_card AND :#giftCardsUntransferred THEN 'SELLS_GIFT_CARD' END AS left_out
  FROM checked
), grouped AS MATERIALIZED (
  SELECT business_date, left_out, is_line, type_id, vat_code_id, untransferred_type,
  CASE WHEN left_out = 'UNBALANCED' THEN id END AS order_id,
  CASE WHEN left_out = 'UNBALANCED' THEN order_number END AS order_number,
  sum(amount) AS amount, sum(tip) AS tip, sum(rounding) FILTER (WHERE first_of_order) AS rounding,
  count(*) FILTER (WHERE first_of_order) AS orders
  FROM classified GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
)
SELECT business_date, 1 AS sort, 'SALE' AS kind, type_id, vat_code_id, sum(amount) AS amount,
CAST(NULL AS bigint) AS orders, CAST(NULL AS bigint) AS order_id, CAST(NULL AS bigint) AS order_number,
CAST(NULL AS numeric) AS lines_total, CAST(NULL AS numeric) AS rounding, CAST(NULL AS numeric) AS payments_total
FROM grouped WHERE left_out IS NULL AND is_line GROUP BY business_date, type_id, vat_code_id
UNION ALL SELECT business_date, 2, 'PAYMENT', type_id, NULL, sum(amount), NULL, NULL, NULL, NULL, NULL, NULL
FROM grouped WHERE left_out IS NULL AND NOT is_line GROUP BY business_date, type_id
UNION ALL SELECT business_date, 3, 'ROUNDING', NULL, NULL, sum(rounding), NULL, NULL, NULL, NULL, NULL, NULL
FROM grouped WHERE left_out IS NULL GROUP BY business_date HAVING sum(rounding) <> 0
UNION ALL SELECT business_date, 4, 'TIP', type_id, NULL, sum(tip), NULL, NULL, NULL, NULL, NULL, NULL
FROM grouped WHERE NOT is_line GROUP BY business_date, type_id HAVING sum(tip) <> 0
UNION ALL SELECT business_date, 5, left_out, untransferred_type, NULL,
coalesce(sum(amount) FILTER (WHERE NOT is_line), 0), sum(orders), NULL, NULL, NULL, NULL, NULL
FROM grouped WHERE left_out <> 'UNBALANCED' GROUP BY business_date, left_out, untransferred_type
UNION ALL SELECT business_date, 6, left_out, NULL, NULL, NULL, NULL, order_id, order_number,
coalesce(sum(amount) FILTER (WHERE is_line), 0), sum(rounding), coalesce(sum(amount) FILTER (WHERE NOT is_line), 0)
FROM grouped WHERE left_out = 'UNBALANCED' GROUP BY business_date, left_out, order_id, order_number
ORDER BY business_date, sort, type_id, vat_code_id, order_id
