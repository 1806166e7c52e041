package org.cdcpipeline.notifier.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where alerts go in Slack: an incoming webhook ({@code SLACK_WEBHOOK_URL}), or {@code chat.postMessage} with a bot
 * token ({@code SLACK_BOT_TOKEN} + {@code SLACK_CHANNEL}). Neither set: alerts go to the console.
 */
@ConfigMapping(prefix = "slack")
public interface SlackSettings {

    Optional<String> webhookUrl();

    Optional<String> botToken();

    Optional<String> channel();

    /** Slack's Web API, ending with a slash; tests point it at a local fake. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();
}
