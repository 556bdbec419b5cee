-- PowerOffice's quota (10 requests a second per subscription key) shared by every server instance on this database:
-- one Bucket4j token bucket per subscription key (no.pogobridge.poweroffice.PowerOfficeQuota). The row is locked
-- (SELECT ... FOR UPDATE) for the few milliseconds it takes to take a permit, so instances take turns.
CREATE TABLE poweroffice_quota (
    id    bigint PRIMARY KEY,   -- the first 8 bytes of SHA-256 of the subscription key: never the key itself
    state bytea                 -- Bucket4j's serialized bucket (configuration, permits, time of the last refill)
);
