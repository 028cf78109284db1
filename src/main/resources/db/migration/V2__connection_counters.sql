-- Crash-consistent connection history (issue 16, defect 5).
-- The writer checkpoints each connection's counters, so a run that dies leaves behind what it had received and what
-- it still held for no client; the next run closes the rows it left open and records what was lost on them.
ALTER TABLE connection_record ADD COLUMN received_bytes BIGINT;
ALTER TABLE connection_record ADD COLUMN buffered_bytes BIGINT;
ALTER TABLE connection_record ADD COLUMN dropped_bytes BIGINT;
ALTER TABLE connection_record ADD COLUMN counted_at TIMESTAMP WITH TIME ZONE;
-- Bytes this lifetime lost because its gateway run ended without seeing it close: read by no client (as of the last
-- checkpoint), and handed over by the module beyond what was recorded (NULL: the module could not tell).
ALTER TABLE connection_record ADD COLUMN lost_unread_bytes BIGINT;
ALTER TABLE connection_record ADD COLUMN lost_unaccounted_bytes BIGINT;
-- Start-up looks for the rows a previous run left open.
CREATE INDEX ix_connection_open ON connection_record (box_id, closed_at);
