-- ActivityPurge deletes the rows older than the newest one minus the retention: this index finds the newest row and
-- the range to delete without reading the table.
CREATE INDEX account_activity_occurred_idx ON account_activity (occurred_at);
