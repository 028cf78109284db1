-- One running gateway per box id. Gateways of a fleet share one database; two running under the same box id would
-- close each other's open connection rows at start-up and interleave their history. The running one heartbeats its
-- row; a starting one that finds another instance's heartbeat advancing refuses to start. Portable SQL (H2, PostgreSQL).
CREATE TABLE box_lease (
    box_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    instance_id   VARCHAR(36)  NOT NULL,
    host          VARCHAR(255) NOT NULL,
    pid           BIGINT       NOT NULL,
    acquired_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the holder's own stale limit: a gateway configured with a shorter one still waits this long for its heartbeat
    stale_after_ms BIGINT      NOT NULL
);
