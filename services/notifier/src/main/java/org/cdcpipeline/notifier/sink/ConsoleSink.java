package org.cdcpipeline.notifier.sink;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.cdcpipeline.notifier.rules.Notification;
import org.jboss.logging.Logger;

/** Writes each notification as one log line, for a pipeline without Slack (the local default). */
final class ConsoleSink implements NotificationSink {

    private static final Logger LOG = Logger.getLogger("org.cdcpipeline.notifier.alerts");

    @Override
    public String name() {
        return "console";
    }

    @Override
    public Duration minInterval() {
        return Duration.ZERO;
    }

    @Override
    public void post(List<Notification> notifications) {
        notifications.forEach(n -> LOG.infof("ALERT %s %s: %s, account %s, merchant %s, rule %s%s → %s",
                n.severity(), n.title(), SlackMessages.amount(n), n.accountId(), n.merchantId() == null ? "none" : n.merchantId(),
                n.rule(), details(n), n.link()));
    }

    private static String details(Notification n) {
        return n.details().entrySet().stream().map(detail -> ", " + detail.getKey() + " " + detail.getValue()).collect(Collectors.joining());
    }
}
