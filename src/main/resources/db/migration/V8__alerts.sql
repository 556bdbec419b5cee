-- Alerts as an outbox: an event is recorded once (its event_key is unique, so a repeat by any instance, or after a
-- restart, is a no-op) in the same database as the ledger, then delivered to ALERT_WEBHOOK_URL by
-- routes/alerts.camel.yaml. PENDING rows are due from next_attempt_at on; a claim pushes next_attempt_at out by a
-- lease, so with several instances each row is sent by one of them, and a row whose sender died is taken again
-- after the lease. LOGGED: recorded while no webhook was configured (logged and counted only).
CREATE TABLE alert (
    id              bigserial PRIMARY KEY,
    event_key       text        NOT NULL UNIQUE,
    kind            text        NOT NULL CHECK (kind IN ('DAY_BLOCKED', 'DAY_FAILED', 'DAY_LOCKED', 'INVOICE_FAILED')),
    department_id   integer     NOT NULL,
    business_date   date,
    order_id        bigint,
    message         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'LOGGED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_by      text,
    last_error      text,
    sent_at         timestamptz
);

CREATE INDEX alert_due ON alert (next_attempt_at) WHERE status = 'PENDING';
