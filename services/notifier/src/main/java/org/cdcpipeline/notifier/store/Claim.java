package org.cdcpipeline.notifier.store;

import org.cdcpipeline.notifier.rules.Notification;

/**
 * A notification as recorded in the notifier's table.
 *
 * @param isNew whether this call recorded it (false: an earlier delivery of the same event did)
 * @param published whether it is already on {@code bank.alerts}
 */
public record Claim(Notification notification, DeliveryStatus status, boolean isNew, boolean published) {}
