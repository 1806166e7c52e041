package org.cdcpipeline.notifier.sink;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cdcpipeline.notifier.rules.Notification;

/** Where people see notifications: Slack, or the console when Slack is not configured. */
public interface NotificationSink {

    /** Shown in the start-up log and {@code GET /api/rules}, e.g. {@code slack-webhook}. */
    String name();

    /**
     * Delivers the notifications as one message: a single alert, or a digest when a backlog built up.
     *
     * @throws DeliveryFailure saying whether trying again may help
     */
    void post(List<Notification> notifications) throws DeliveryFailure;

    /** Least time between two messages (Slack: about one per second per channel). */
    Duration minInterval();

    /**
     * Which of these notifications the channel already shows: a run that died during a post cannot tell whether
     * Slack took it. Only a sink that can read its channel back knows; the others answer "none", and such a post is
     * made again.
     *
     * @param since when the earliest of them was recorded
     */
    default Set<UUID> alreadyPosted(Collection<UUID> ids, Instant since) {
        return Set.of();
    }
}
