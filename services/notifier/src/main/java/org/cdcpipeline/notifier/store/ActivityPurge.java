package org.cdcpipeline.notifier.store;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.cdcpipeline.notifier.config.NotifierConfig;
import org.cdcpipeline.notifier.config.RulesConfig;
import org.jboss.logging.Logger;

/** Keeps {@code notifier.account_activity} to what the velocity rule can still count: without it the table only grows. */
@ApplicationScoped
public class ActivityPurge {

    private static final Logger LOG = Logger.getLogger(ActivityPurge.class);

    private final AccountActivity activity;
    private final Duration retention;

    ActivityPurge(AccountActivity activity, NotifierConfig notifier, RulesConfig rules) {
        this.activity = activity;
        Duration window = rules.velocity().window();
        this.retention = notifier.activityRetention().compareTo(window) < 0 ? window : notifier.activityRetention();
    }

    @Scheduled(every = "${cdc.notifier.activity-purge-interval}", delayed = "${cdc.notifier.activity-purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int deleted = activity.purgeOlderThan(retention);
        LOG.debugf("Deleted %d rows of account activity older than %s before the newest", deleted, retention);
    }
}
