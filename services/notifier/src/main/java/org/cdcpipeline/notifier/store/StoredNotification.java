package org.cdcpipeline.notifier.store;

import java.time.Instant;

import org.cdcpipeline.notifier.rules.Notification;

/** A recorded notification with its delivery state, as {@code GET /api/notifications/recent} shows it. */
public record StoredNotification(
        Notification notification, DeliveryStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt) {}
