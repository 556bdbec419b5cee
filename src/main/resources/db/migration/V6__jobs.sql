-- Background jobs (long exports, replays and previews), kept here so every instance answers for every job. The
-- instance running a job writes a heartbeat every few seconds and on every finished day; a RUNNING job whose
-- heartbeat has gone stale belonged to an instance that died, and is shown (and stored) INTERRUPTED.
CREATE TABLE job (
    id            uuid        PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('export', 'replay', 'preview')),
    department_id integer     NOT NULL,
    period_from   date        NOT NULL,
    period_to     date        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    days_done     integer     NOT NULL DEFAULT 0,
    days_total    integer     NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),   -- accepted: the job's startedAt
    running_since timestamptz,                          -- a worker took it (NULL while it waits for one)
    finished_at   timestamptz,
    message       text,
    owner         text        NOT NULL,                 -- the instance (pid@host) that runs it
    heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (period_to >= period_from),
    CHECK (days_done BETWEEN 0 AND days_total)
);
CREATE INDEX job_newest ON job (created_at DESC);
CREATE INDEX job_running ON job (heartbeat_at) WHERE state = 'RUNNING';
CREATE INDEX job_finished ON job (finished_at) WHERE state <> 'RUNNING';

-- Each finished day's entry, exactly as the synchronous call answers it. Stored as json (not jsonb) so the text,
-- its field order and its money with two decimals, comes back as it went in.
CREATE TABLE job_result (
    job_id        uuid    NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    business_date date    NOT NULL,
    result        json    NOT NULL,
    PRIMARY KEY (job_id, business_date)
);
