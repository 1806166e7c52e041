package org.cdcpipeline.notifier.sink;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import org.cdcpipeline.notifier.rules.Notification;
import org.jboss.logging.Logger;

/** Posts with the Web API's {@code chat.postMessage}, as a bot, to one channel. */
final class SlackBotSink implements NotificationSink {

    private static final Logger LOG = Logger.getLogger(SlackBotSink.class);

    /** Web API errors that say "not now" rather than "never". */
    private static final Set<String> TRANSIENT_ERRORS = Set.of(
            "ratelimited", "service_unavailable", "internal_error", "fatal_error", "request_timeout");

    private final MethodsClient methods;
    private final String channel;
    private final Duration minInterval;

    SlackBotSink(Slack slack, String token, String channel, Duration minInterval) {
        this.methods = slack.methods(token);
        this.channel = channel;
        this.minInterval = minInterval;
    }

    @Override
    public String name() {
        return "slack-chat-post-message";
    }

    @Override
    public Duration minInterval() {
        return minInterval;
    }

    @Override
    public void post(List<Notification> notifications) throws DeliveryFailure {
        ChatPostMessageResponse response;
        try {
            response = methods.chatPostMessage(request -> request
                    .channel(channel)
                    .text(SlackMessages.fallbackText(notifications))
                    .blocks(SlackMessages.blocks(notifications))
                    .metadata(SlackMessages.metadata(notifications)));
        } catch (SlackApiException e) {
            // A non-2xx answer: 429 and 5xx are worth another try, anything else is not.
            SlackResponses.check(e.getResponse().code(), e.getResponse().headers().toMultimap(), e.getResponseBody());
            throw DeliveryFailure.permanent("chat.postMessage answered " + e.getResponse().code());
        } catch (IOException e) {
            throw DeliveryFailure.retryable("chat.postMessage call failed: " + e, e);
        }
        if (!response.isOk()) {
            String error = "chat.postMessage: " + response.getError();
            throw TRANSIENT_ERRORS.contains(response.getError())
                    ? DeliveryFailure.retryable(error, null)
                    : DeliveryFailure.permanent(error);
        }
    }

    /**
     * Reads the channel back ({@code conversations.history}, which needs the {@code channels:history} scope) for messages
     * whose metadata names these notifications. Should that fail, the answer is "none": posting twice beats losing one.
     */
    @Override
    public Set<UUID> alreadyPosted(Collection<UUID> ids, Instant since) {
        Set<UUID> posted = new HashSet<>();
        try {
            ConversationsHistoryResponse history = methods.conversationsHistory(request -> request
                    .channel(channel).oldest(Long.toString(since.getEpochSecond() - 1)).includeAllMetadata(true).limit(200));
            if (!history.isOk()) {
                LOG.warnf("Could not read %s back (conversations.history: %s); notifications in doubt are posted again", channel, history.getError());
                return posted;
            }
            for (Message message : history.getMessages()) {
                Message.Metadata metadata = message.getMetadata();
                if (metadata != null && SlackMessages.METADATA_EVENT_TYPE.equals(metadata.getEventType())
                        && metadata.getEventPayload().get("notification_ids") instanceof List<?> named) {
                    ids.stream().filter(id -> named.contains(id.toString())).forEach(posted::add);
                }
            }
        } catch (IOException | SlackApiException e) {
            LOG.warnf("Could not read %s back (%s); notifications in doubt are posted again", channel, e.toString());
        }
        return posted;
    }
}
