package org.cdcpipeline.notifier.sink;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;
import org.cdcpipeline.notifier.rules.Notification;

/** Posts to a Slack incoming webhook, which is bound to one channel. */
final class SlackWebhookSink implements NotificationSink {

    private final Slack slack;
    private final String webhookUrl;
    private final Duration minInterval;

    SlackWebhookSink(Slack slack, String webhookUrl, Duration minInterval) {
        this.slack = slack;
        this.webhookUrl = webhookUrl;
        this.minInterval = minInterval;
    }

    @Override
    public String name() {
        return "slack-webhook";
    }

    @Override
    public Duration minInterval() {
        return minInterval;
    }

    @Override
    public void post(List<Notification> notifications) throws DeliveryFailure {
        Payload payload = Payload.builder()
                .text(SlackMessages.fallbackText(notifications))
                .blocks(SlackMessages.blocks(notifications))
                .metadata(SlackMessages.metadata(notifications))
                .build();
        WebhookResponse response;
        try {
            response = slack.send(webhookUrl, payload);
        } catch (IOException e) {
            throw DeliveryFailure.retryable("webhook call failed: " + e, e);
        }
        SlackResponses.check(response.getCode(), response.getHeaders(), response.getBody());
    }
}
