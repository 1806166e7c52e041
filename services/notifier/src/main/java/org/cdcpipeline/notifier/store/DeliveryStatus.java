package org.cdcpipeline.notifier.store;

/** Where a notification is on its way to the sink. */
public enum DeliveryStatus {
    /** Recorded, not posted yet. */
    PENDING,
    /** A post was attempted and its outcome was not recorded: the process may have died during it. */
    POSTING,
    SENT,
    /** Handed to {@code bank.alerts.dlq} after the bounded retries; replayable. */
    DEAD_LETTERED;

    public boolean isSettled() {
        return this == SENT || this == DEAD_LETTERED;
    }
}
