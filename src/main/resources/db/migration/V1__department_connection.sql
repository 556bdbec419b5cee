-- The bridge's own state. POS data is never copied here; only what the bridge decides and remembers.

-- One row per POS department connected to PowerOffice GO (accounting-rules.md, "Department connection").
CREATE TABLE department_connection (
    department_id               integer      PRIMARY KEY,          -- pos.departments.id
    client_key                  text         NOT NULL,             -- PowerOffice client key (a secret)
    application_key_slot        smallint     NOT NULL CHECK (application_key_slot BETWEEN 0 AND 9),
    poweroffice_client_id       text,                              -- ClientIntegrationInformation.ClientId
    poweroffice_client_name     text,
    poweroffice_department_code text,
    business_day_start          time         NOT NULL DEFAULT '05:00',
    auto_export                 boolean      NOT NULL DEFAULT false,
    auto_invoicing              boolean      NOT NULL DEFAULT false,
    export_from                 date,
    invoicing_from              date,
    created_at                  timestamptz  NOT NULL DEFAULT now(),
    updated_at                  timestamptz  NOT NULL DEFAULT now(),
    -- each application-key slot once per PowerOffice client (seed/README.md: standard + add-ons 1-9)
    CONSTRAINT one_department_per_slot UNIQUE (poweroffice_client_id, application_key_slot)
);
