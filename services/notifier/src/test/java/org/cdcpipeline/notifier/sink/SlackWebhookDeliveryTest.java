package org.cdcpipeline.notifier.sink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.notifier.FakeSlackResource;
import org.cdcpipeline.notifier.NotifierTestProfile;
import org.cdcpipeline.notifier.FakeSlackResource.InjectFakeSlack;
import org.cdcpipeline.notifier.KafkaTestClient;
import org.cdcpipeline.notifier.TestEvents;
import org.cdcpipeline.notifier.TestEvents.Transaction;
import org.cdcpipeline.notifier.rules.Notification;
import org.cdcpipeline.notifier.store.AccountFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change events on the real Kafka broker → notifier → a fake Slack incoming webhook on 127.0.0.1. */
@QuarkusTest
@TestProfile(NotifierTestProfile.class)
class SlackWebhookDeliveryTest {

    private static final String TRANSACTIONS = "bank.public.transactions";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeSlack
    WireMockServer slack;

    @Inject
    AccountFacts accounts;

    @BeforeEach
    void slackAcceptsEverything() {
        slack.resetAll();
        slack.stubFor(post(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)).willReturn(ok("ok")));
    }

    @Test
    void postsALargeTransactionAsExactlyThisBlockKitMessage() {
        UUID account = UUID.randomUUID();
        UUID merchant = UUID.randomUUID();
        Transaction tx = Transaction.of(account, "12500.5000", "EUR").withMerchant(merchant);
        long lsn = TestEvents.nextLsn();
        UUID notificationId = Notification.idOf(TestEvents.identity(tx, lsn), "large-amount");

        KafkaTestClient.send(TRANSACTIONS, TestEvents.key(tx.id()), TestEvents.created(tx, lsn));

        String link = "http://localhost:8080/api/transactions/" + tx.id();
        await().atMost(TIMEOUT).untilAsserted(() -> slack.verify(1, postRequestedFor(urlEqualTo(FakeSlackResource.WEBHOOK_PATH))
                .withRequestBody(equalToJson("""
                        {
                          "text": "WARNING Large transaction: 12500.50 EUR on account %1$s",
                          "blocks": [
                            {"type": "header", "text": {"type": "plain_text", "text": "Large transaction"}},
                            {"type": "section", "fields": [
                              {"type": "mrkdwn", "text": "*Amount*\\n12500.50 EUR"},
                              {"type": "mrkdwn", "text": "*Account*\\n`%1$s`"},
                              {"type": "mrkdwn", "text": "*Merchant*\\n`%2$s`"},
                              {"type": "mrkdwn", "text": "*Rule*\\nlarge-amount"},
                              {"type": "mrkdwn", "text": "*Severity*\\nWARNING"},
                              {"type": "mrkdwn", "text": "*Threshold*\\n10000 EUR"}
                            ]},
                            {"type": "section", "text": {"type": "mrkdwn", "text": "<%3$s|Transaction %4$s>"}},
                            {"type": "context", "elements": [{"type": "mrkdwn", "text": "Notification %5$s"}]}
                          ],
                          "metadata": {"event_type": "cdc_notifications", "event_payload": {"notification_ids": ["%5$s"]}}
                        }""".formatted(account, merchant, link, tx.id(), notificationId)))));

        ConsumerRecord<String, String> published = KafkaTestClient.awaitRecord("bank.alerts",
                record -> record.key().equals(notificationId.toString()), TIMEOUT);
        assertThat(json(published.value()).get("amount").decimalValue()).isEqualByComparingTo("12500.5");
        assertThat(json(published.value()).get("link").asText()).isEqualTo(link);
        await().atMost(TIMEOUT).untilAsserted(() -> given().queryParam("limit", 100).get("/api/notifications/recent").then()
                .body("find { it.notification.id == '" + notificationId + "' }.status", equalTo("SENT")));
    }

    @Test
    void postsTheSameEventDeliveredTwiceOnlyOnce() {
        UUID account = UUID.randomUUID();
        Transaction tx = Transaction.of(account, "20000.0000", "USD");
        long lsn = TestEvents.nextLsn();
        String key = TestEvents.key(tx.id());
        String value = TestEvents.created(tx, lsn);
        KafkaTestClient.send(TRANSACTIONS, key, value);
        awaitPostsFor(account, 1);

        KafkaTestClient.send(TRANSACTIONS, key, value);
        // A later event on the same partition: once it is posted, the redelivered one has been processed.
        UUID marker = UUID.randomUUID();
        Transaction next = Transaction.of(marker, "30000.0000", "USD");
        KafkaTestClient.send(TRANSACTIONS, TestEvents.key(next.id()), TestEvents.created(next, TestEvents.nextLsn()));
        awaitPostsFor(marker, 1);

        assertThat(postsFor(account)).hasSize(1);
    }

    @Test
    void waitsAsLongAsA429RetryAfterSaysThenPosts() {
        UUID account = UUID.randomUUID();
        slack.stubFor(post(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)).withRequestBody(containing(account.toString()))
                .inScenario("rate limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("rate_limited"))
                .willSetStateTo("limited once"));
        slack.stubFor(post(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)).withRequestBody(containing(account.toString()))
                .inScenario("rate limited").whenScenarioStateIs("limited once").willReturn(ok("ok")));

        Transaction tx = Transaction.of(account, "15000.0000", "EUR");
        KafkaTestClient.send(TRANSACTIONS, TestEvents.key(tx.id()), TestEvents.created(tx, TestEvents.nextLsn()));

        List<LoggedRequest> posts = awaitPostsFor(account, 2);
        Duration waited = Duration.between(posts.get(0).getLoggedDate().toInstant(), posts.get(1).getLoggedDate().toInstant());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(posts.get(1).getBodyAsString()).isEqualTo(posts.get(0).getBodyAsString());
    }

    @Test
    void retriesA5xxThenDeadLettersWithTheReasonAndReplaysOnRequest() {
        UUID account = UUID.randomUUID();
        slack.stubFor(post(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)).withRequestBody(containing(account.toString()))
                .willReturn(serverError().withBody("internal_error")));
        Transaction tx = Transaction.of(account, "99000.0000", "EUR");
        long lsn = TestEvents.nextLsn();
        UUID notificationId = Notification.idOf(TestEvents.identity(tx, lsn), "large-amount");
        KafkaTestClient.send(TRANSACTIONS, TestEvents.key(tx.id()), TestEvents.created(tx, lsn));

        ConsumerRecord<String, String> deadLetter = KafkaTestClient.awaitRecord("bank.alerts.dlq",
                record -> record.key().equals(notificationId.toString()), TIMEOUT);
        String reason = new String(deadLetter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).isEqualTo("Slack answered 500: internal_error (after 3 attempts)");
        assertThat(postsFor(account)).as("max-attempts is 3 in the test profile").hasSize(3);
        given().queryParam("limit", 100).get("/api/notifications/recent").then()
                .body("find { it.notification.id == '" + notificationId + "' }.status", equalTo("DEAD_LETTERED"));

        slack.resetAll();
        slack.stubFor(post(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)).willReturn(ok("ok")));
        given().post("/api/dead-letters/replay").then().statusCode(200).body("replayed", equalTo(1));
        awaitPostsFor(account, 1);
        await().atMost(TIMEOUT).untilAsserted(() -> given().queryParam("limit", 100).get("/api/notifications/recent").then()
                .body("find { it.notification.id == '" + notificationId + "' }.status", equalTo("SENT")));
    }

    @Test
    void sendsAMalformedRecordToTheDeadLetterTopicWithTheReasonAndGoesOn() {
        String badKey = TestEvents.key(UUID.randomUUID());
        KafkaTestClient.send(TRANSACTIONS, badKey, "{\"op\": \"c\", \"after\": ");
        UUID account = UUID.randomUUID();
        Transaction next = Transaction.of(account, "50000.0000", "GBP");
        KafkaTestClient.send(TRANSACTIONS, TestEvents.key(next.id()), TestEvents.created(next, TestEvents.nextLsn()));

        ConsumerRecord<String, String> deadLetter = KafkaTestClient.awaitRecord("bank.public.transactions.dlq",
                record -> record.key().equals(badKey), TIMEOUT);
        assertThat(new String(deadLetter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .startsWith("value is not JSON");
        assertThat(deadLetter.value()).isEqualTo("{\"op\": \"c\", \"after\": ");
        awaitPostsFor(account, 1);
    }

    @Test
    void groupsABacklogIntoDigestMessagesWithoutDroppingAny() {
        UUID account = UUID.randomUUID();
        for (int i = 0; i < 8; i++) {
            Transaction tx = Transaction.of(UUID.randomUUID(), "25000.0000", "EUR");
            tx = new Transaction(tx.id(), account, null, tx.amount(), tx.currency(), tx.status(), null, tx.country());
            KafkaTestClient.send(TRANSACTIONS, TestEvents.key(tx.id()), TestEvents.created(tx, TestEvents.nextLsn()));
        }
        // 8 large transactions and, from the sixth on within 60 s, one velocity alert: 9 notifications.
        await().atMost(TIMEOUT).until(() -> mentionsOf(account) == 9);
        assertThat(postsFor(account).size()).as("some notifications shared a digest message").isLessThan(9);
    }

    @Test
    void learnsTheHomeCountryFromTheAccountsTopicAndFlagsATransactionAbroad() {
        UUID account = UUID.randomUUID();
        KafkaTestClient.send("bank.public.accounts", TestEvents.key(account), TestEvents.account(account, "NL"));
        await().atMost(TIMEOUT).until(() -> accounts.homeCountries(List.of(account)).containsKey(account));

        Transaction abroad = new Transaction(UUID.randomUUID(), account, null, "35.0000", "EUR", "PENDING", null, "BR");
        KafkaTestClient.send(TRANSACTIONS, TestEvents.key(abroad.id()), TestEvents.created(abroad, TestEvents.nextLsn()));

        LoggedRequest post = awaitPostsFor(account, 1).get(0);
        assertThat(json(post.getBodyAsString()).get("text").asText())
                .isEqualTo("WARNING Transaction abroad: 35.00 EUR on account " + account);
        assertThat(post.getBodyAsString()).contains("*Country*\\nBR", "*Home country*\\nNL");
    }

    private List<LoggedRequest> awaitPostsFor(UUID account, int count) {
        await().atMost(TIMEOUT).until(() -> postsFor(account).size() >= count);
        return postsFor(account);
    }

    private List<LoggedRequest> postsFor(UUID account) {
        return slack.findAll(postRequestedFor(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)).withRequestBody(containing(account.toString())));
    }

    /** Notifications about the account across all posts: the blocks name the account once per notification. */
    private int mentionsOf(UUID account) {
        int mentions = 0;
        for (LoggedRequest post : postsFor(account)) {
            for (JsonNode block : json(post.getBodyAsString()).get("blocks")) {
                List<String> texts = new ArrayList<>(List.of(block.path("text").path("text").asText()));
                block.path("fields").forEach(field -> texts.add(field.path("text").asText()));
                mentions += (int) texts.stream().filter(text -> text.contains("`" + account + "`")).count();
            }
        }
        return mentions;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
