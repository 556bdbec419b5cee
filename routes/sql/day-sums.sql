-- The POS side of a day, summed (route read-day-sums, routes/daily-export.camel.yaml): its PAID orders as about
-- twenty rows whatever the day's size. Named parameters (camel-sql, :#name): departmentId, dayStart, dayEnd,
-- giftCardProductTypes, untransferredPaymentTypes, giftCardsUntransferred; never splice values in. Each row has the
-- columns voucherLines.sum reads (DaySums.fromRow): kind, type_id, vat_code_id, amount, orders, order_id,
-- order_number, lines_total, rounding, payments_total. DaySumsQueryTest runs this file against the same arithmetic
-- in Java.
WITH day_order AS (
  SELECT o.id, o.order_number, o.rounding FROM pos.orders o
  WHERE o.department_id = :#departmentId AND o.status = 'PAID'
  AND o.paid_at >= :#dayStart AND o.paid_at < :#dayEnd
), line AS (
  SELECT l.order_id, l.product_type_id, l.vat_code_id, l.amount
  FROM day_order o JOIN pos.order_lines l ON l.order_id = o.id
), payment AS (
  SELECT p.order_id, p.payment_type_id, p.amount, p.tip
  FROM day_order o JOIN pos.payments p ON p.order_id = o.id
), order_total AS (
  SELECT t.order_id, sum(t.lines) AS lines_total, sum(t.payments) AS payments_total,
  bool_or(t.sells_gift_card) AS sells_gift_card, min(t.untransferred_type) AS untransferred_type
  FROM (SELECT order_id, amount AS lines, 0 AS payments,
  product_type_id = ANY (:#giftCardProductTypes) AS sells_gift_card,
  CAST(NULL AS integer) AS untransferred_type FROM line
  UNION ALL SELECT order_id, 0, amount, false,
  CASE WHEN payment_type_id = ANY (:#untransferredPaymentTypes) THEN payment_type_id END FROM payment
  UNION ALL SELECT id, 0, 0, false, NULL FROM day_order) t
  GROUP BY t.order_id
), left_out AS (
  SELECT o.id, o.order_number, t.lines_total, o.rounding, t.payments_total, t.untransferred_type,
  CASE WHEN t.lines_total + o.rounding <> t.payments_total THEN 'UNBALANCED'
  WHEN t.untransferred_type IS NOT NULL THEN 'PAID_WITH_UNTRANSFERRED_TYPE'
  ELSE 'SELLS_GIFT_CARD' END AS kind
  FROM order_total t JOIN day_order o ON o.id = t.order_id
  WHERE t.lines_total + o.rounding <> t.payments_total OR t.untransferred_type IS NOT NULL
  OR (t.sells_gift_card AND :#giftCardsUntransferred)
)
SELECT 1 AS sort, 'SALE' AS kind, product_type_id AS type_id, vat_code_id, sum(amount) AS amount,
CAST(NULL AS bigint) AS orders, CAST(NULL AS bigint) AS order_id, CAST(NULL AS bigint) AS order_number,
CAST(NULL AS numeric) AS lines_total, CAST(NULL AS numeric) AS rounding,
CAST(NULL AS numeric) AS payments_total
FROM line WHERE order_id NOT IN (SELECT id FROM left_out) GROUP BY product_type_id, vat_code_id
UNION ALL SELECT 2, 'PAYMENT', payment_type_id, NULL, sum(amount), NULL, NULL, NULL, NULL, NULL, NULL
FROM payment WHERE order_id NOT IN (SELECT id FROM left_out) GROUP BY payment_type_id
UNION ALL SELECT 3, 'ROUNDING', NULL, NULL, sum(rounding), NULL, NULL, NULL, NULL, NULL, NULL
FROM day_order WHERE id NOT IN (SELECT id FROM left_out) HAVING sum(rounding) <> 0
UNION ALL SELECT 4, 'TIP', payment_type_id, NULL, sum(tip), NULL, NULL, NULL, NULL, NULL, NULL
FROM payment GROUP BY payment_type_id HAVING sum(tip) <> 0
UNION ALL SELECT 5, kind, untransferred_type, NULL, sum(payments_total), count(*), NULL, NULL, NULL,
NULL, NULL FROM left_out WHERE kind <> 'UNBALANCED' GROUP BY kind, untransferred_type
UNION ALL SELECT 6, kind, NULL, NULL, NULL, NULL, id, order_number, lines_total, rounding,
payments_total FROM left_out WHERE kind = 'UNBALANCED'
ORDER BY sort, type_id, vat_code_id, order_id
