package org.cdcpipeline.notifier.sink;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import org.cdcpipeline.notifier.config.NotifierConfig;
import org.cdcpipeline.notifier.config.SlackSettings;
import org.jboss.logging.Logger;

/** Chooses the sink from the configuration: webhook, bot token + channel, or the console. */
@ApplicationScoped
class SinkProducer {

    private static final Logger LOG = Logger.getLogger(SinkProducer.class);

    private Slack slack;

    @Produces
    @ApplicationScoped
    NotificationSink sink(SlackSettings settings, NotifierConfig config) {
        NotifierConfig.Delivery delivery = config.delivery();
        NotificationSink sink;
        if (settings.webhookUrl().isPresent()) {
            sink = new SlackWebhookSink(slack(settings, delivery), settings.webhookUrl().get(), delivery.minInterval());
        } else if (settings.botToken().isPresent()) {
            String channel = settings.channel().orElseThrow(() -> new ConfigurationException(
                    "SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not: set the channel to post to (e.g. #alerts or its id)"));
            sink = new SlackBotSink(slack(settings, delivery), settings.botToken().get(), channel, delivery.minInterval());
        } else {
            sink = new ConsoleSink();
        }
        LOG.infof("Notifications go to %s", sink.name());
        return sink;
    }

    private Slack slack(SlackSettings settings, NotifierConfig.Delivery delivery) {
        slack = slackClient(settings.apiUrl(), delivery.timeout());
        return slack;
    }

    /** The official SDK's client, with the Web API at {@code apiUrl} and every call bounded by {@code timeout}. */
    static Slack slackClient(String apiUrl, Duration timeout) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        // The SDK's own call statistics would call auth.test behind our back; Micrometer measures the posts.
        config.setStatsEnabled(false);
        int millis = Math.toIntExact(timeout.toMillis());
        config.setHttpClientReadTimeoutMillis(millis);
        config.setHttpClientWriteTimeoutMillis(millis);
        config.setHttpClientCallTimeoutMillis(millis);
        return Slack.getInstance(config);
    }

    void close(@Disposes NotificationSink sink) throws Exception {
        if (slack != null) {
            slack.close();
        }
    }
}
