-- The order in which the notifier recorded the transactions. The velocity rule counts, for a transaction, the
-- account's transactions recorded up to it: the transactions of one batch count one after the other even when they
-- share a timestamp, and a redelivered event gets the same count as the first time, so it raises no alert it did not.
ALTER TABLE account_activity ADD COLUMN recording_order bigserial;
