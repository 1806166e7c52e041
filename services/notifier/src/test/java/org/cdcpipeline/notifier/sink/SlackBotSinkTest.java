package org.cdcpipeline.notifier.sink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import org.cdcpipeline.notifier.rules.Notification;
import org.cdcpipeline.notifier.rules.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat.postMessage sink against a local server speaking Slack's Web API (WireMock on 127.0.0.1). */
class SlackBotSinkTest {

    private static final String TOKEN = "xoxb-test-token";
    private static final String CHANNEL = "C0ALERTS";
    private static final Notification DECLINED = new Notification(
            UUID.fromString("0d000000-0000-3000-8000-000000000001"), "declined", Severity.INFO, "Transaction declined",
            UUID.fromString("70000000-0000-4000-8000-000000000001"), UUID.fromString("a0000000-0000-4000-8000-000000000001"),
            null, new BigDecimal("42.5000"), "EUR", Map.of("Reason", "insufficient funds"),
            "http://localhost:8080/api/transactions/70000000-0000-4000-8000-000000000001", "1:2:public.transactions:x:u",
            Instant.parse("2026-11-25T19:40:00Z"));

    private WireMockServer slackServer;
    private Slack slack;
    private SlackBotSink sink;

    @BeforeEach
    void start() {
        slackServer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slackServer.start();
        slack = SinkProducer.slackClient("http://127.0.0.1:" + slackServer.port() + "/api/", Duration.ofSeconds(2));
        sink = new SlackBotSink(slack, TOKEN, CHANNEL, Duration.ofSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        slackServer.stop();
    }

    @Test
    void postsTheBlockKitMessageToTheChannelWithTheBotToken() throws DeliveryFailure {
        slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true,\"channel\":\"C0ALERTS\",\"ts\":\"1.2\"}")));

        sink.post(List.of(DECLINED));

        slackServer.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withFormParam("channel", equalTo(CHANNEL))
                .withFormParam("text", equalTo("INFO Transaction declined: 42.50 EUR on account a0000000-0000-4000-8000-000000000001"))
                .withFormParam("blocks", equalToJson("""
                        [
                          {"type": "header", "text": {"type": "plain_text", "text": "Transaction declined"}},
                          {"type": "section", "fields": [
                            {"type": "mrkdwn", "text": "*Amount*\\n42.50 EUR"},
                            {"type": "mrkdwn", "text": "*Account*\\n`a0000000-0000-4000-8000-000000000001`"},
                            {"type": "mrkdwn", "text": "*Merchant*\\n—"},
                            {"type": "mrkdwn", "text": "*Rule*\\ndeclined"},
                            {"type": "mrkdwn", "text": "*Severity*\\nINFO"},
                            {"type": "mrkdwn", "text": "*Reason*\\ninsufficient funds"}
                          ]},
                          {"type": "section", "text": {"type": "mrkdwn",
                            "text": "<http://localhost:8080/api/transactions/70000000-0000-4000-8000-000000000001|Transaction 70000000-0000-4000-8000-000000000001>"}},
                          {"type": "context", "elements": [{"type": "mrkdwn", "text": "Notification 0d000000-0000-3000-8000-000000000001"}]}
                        ]"""))
                .withFormParam("metadata", equalToJson("""
                        {"event_type": "cdc_notifications", "event_payload": {"notification_ids": ["0d000000-0000-3000-8000-000000000001"]}}""")));
    }

    @Test
    void reportsA429WithItsRetryAfter() {
        slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sink.post(List.of(DECLINED)));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void reportsA5xxAsWorthRetrying() {
        slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(serverError().withBody("upstream broke")));

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sink.post(List.of(DECLINED)));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure).hasMessage("Slack answered 500: upstream broke");
    }

    @Test
    void reportsAnUnknownChannelAsPermanent() {
        slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sink.post(List.of(DECLINED)));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure).hasMessage("chat.postMessage: channel_not_found");
    }

    @Test
    void reportsATimeOutAsWorthRetrying() {
        slackServer.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson("{\"ok\":true}").withFixedDelay(3000)));

        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sink.post(List.of(DECLINED)));

        assertThat(failure.isRetryable()).isTrue();
    }

    @Test
    void findsANotificationPostedBeforeACrashByTheMetadataOfTheChannelsMessages() {
        UUID other = UUID.randomUUID();
        slackServer.stubFor(post(urlEqualTo("/api/conversations.history"))
                .withFormParam("channel", equalTo(CHANNEL))
                .withFormParam("include_all_metadata", matching("1|true"))
                .willReturn(okJson("""
                        {"ok": true, "has_more": false, "messages": [
                          {"type": "message", "ts": "1764099600.000100", "text": "2 alerts", "metadata": {"event_type": "cdc_notifications",
                            "event_payload": {"notification_ids": ["%s", "0d000000-0000-3000-8000-00000000ffff"]}}},
                          {"type": "message", "ts": "1764099601.000100", "text": "someone chatting"}
                        ]}""".formatted(DECLINED.id()))));

        assertThat(sink.alreadyPosted(List.of(DECLINED.id(), other), Instant.parse("2026-11-25T19:40:00Z")))
                .containsExactly(DECLINED.id());
    }

    @Test
    void answersNoneWhenTheChannelCannotBeReadBack() {
        slackServer.stubFor(post(urlEqualTo("/api/conversations.history"))
                .willReturn(okJson("{\"ok\": false, \"error\": \"missing_scope\", \"needed\": \"channels:history\"}")));

        assertThat(sink.alreadyPosted(List.of(DECLINED.id()), Instant.parse("2026-11-25T19:40:00Z"))).isEmpty();
    }
}
