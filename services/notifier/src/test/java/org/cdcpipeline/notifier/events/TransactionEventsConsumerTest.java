package org.cdcpipeline.notifier.events;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.notifier.EmbeddedPostgresResource;
import org.cdcpipeline.notifier.FakeSlackResource;
import org.cdcpipeline.notifier.FakeSlackResource.InjectFakeSlack;
import org.cdcpipeline.notifier.KafkaTestClient;
import org.cdcpipeline.notifier.KafkaTestClient.Record;
import org.cdcpipeline.notifier.NotifierTestProfile;
import org.cdcpipeline.notifier.TestEvents;
import org.cdcpipeline.notifier.TestEvents.Transaction;
import org.cdcpipeline.notifier.rules.Notification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches of change events, as one poll delivers them, on the real Kafka broker → notifier → a fake Slack webhook. */
@QuarkusTest
@TestProfile(NotifierTestProfile.class)
class TransactionEventsConsumerTest {

    private static final String TRANSACTIONS = "bank.public.transactions";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectFakeSlack
    WireMockServer slack;

    @ConfigProperty(name = "cdc.database.url")
    String databaseUrl;

    @BeforeEach
    void slackAcceptsEverything() {
        slack.resetAll();
        slack.stubFor(post(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)).willReturn(ok("ok")));
    }

    @Test
    void deadLettersTheMalformedRecordOfABatchAlertsTheOthersOnceAndCommitsTheBatch() {
        Transaction first = Transaction.of(UUID.randomUUID(), "45000.0000", "EUR");
        Transaction second = Transaction.of(UUID.randomUUID(), "46000.0000", "EUR");
        long firstLsn = TestEvents.nextLsn();
        long secondLsn = TestEvents.nextLsn();
        String badKey = TestEvents.key(UUID.randomUUID());
        String badValue = "{\"op\": \"c\", \"after\": ";

        long lastOffset = KafkaTestClient.sendInOneBatch(TRANSACTIONS, List.of(
                new Record(TestEvents.key(first.id()), TestEvents.created(first, firstLsn)),
                new Record(TestEvents.key(UUID.randomUUID()), null),
                new Record(badKey, badValue),
                new Record(TestEvents.key(second.id()), TestEvents.created(second, secondLsn)),
                new Record(TestEvents.key(UUID.randomUUID()), null)));

        ConsumerRecord<String, String> deadLetter = KafkaTestClient.awaitRecord("bank.public.transactions.dlq",
                record -> record.key().equals(badKey), TIMEOUT);
        assertThat(header(deadLetter, "dead-letter-reason")).startsWith("value is not JSON");
        assertThat(header(deadLetter, "dead-letter-offset")).isEqualTo(Long.toString(lastOffset - 2));
        assertThat(deadLetter.value()).isEqualTo(badValue);

        List<UUID> alerts = List.of(alertId(first, firstLsn, "large-amount"), alertId(second, secondLsn, "large-amount"));
        await().atMost(TIMEOUT).until(() -> postedNotificationIds().containsAll(alerts));
        assertThat(postedNotificationIds()).filteredOn(alerts::contains).containsExactlyInAnyOrderElementsOf(alerts);
        await().atMost(TIMEOUT).until(() -> KafkaTestClient.committedOffset("notifier", TRANSACTIONS) > lastOffset);
    }

    @Test
    void postsNothingTwiceWhenAWholeBatchIsDeliveredAgain() {
        Transaction first = Transaction.of(UUID.randomUUID(), "21000.0000", "USD");
        Transaction second = Transaction.of(UUID.randomUUID(), "22000.0000", "USD");
        long firstLsn = TestEvents.nextLsn();
        long secondLsn = TestEvents.nextLsn();
        List<Record> batch = List.of(
                new Record(TestEvents.key(first.id()), TestEvents.created(first, firstLsn)),
                new Record(TestEvents.key(second.id()), TestEvents.created(second, secondLsn)));
        List<UUID> alerts = List.of(alertId(first, firstLsn, "large-amount"), alertId(second, secondLsn, "large-amount"));
        KafkaTestClient.sendInOneBatch(TRANSACTIONS, batch);
        alerts.forEach(TransactionEventsConsumerTest::awaitSent);
        List<UUID> postedBefore = postedNotificationIds().stream().filter(alerts::contains).toList();

        KafkaTestClient.sendInOneBatch(TRANSACTIONS, batch);
        // A later batch on the same partition: once it is posted, the redelivered one has been processed.
        Transaction marker = Transaction.of(UUID.randomUUID(), "23000.0000", "USD");
        long markerLsn = TestEvents.nextLsn();
        KafkaTestClient.sendInOneBatch(TRANSACTIONS, List.of(new Record(TestEvents.key(marker.id()), TestEvents.created(marker, markerLsn))));
        await().atMost(TIMEOUT).until(() -> postedNotificationIds().contains(alertId(marker, markerLsn, "large-amount")));

        assertThat(postedBefore).containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(postedNotificationIds()).filteredOn(alerts::contains).containsExactlyInAnyOrderElementsOf(postedBefore);
    }

    @Test
    void raisesOneVelocityAlertOnTheSixthTransactionOfOneBatch() {
        UUID account = UUID.randomUUID();
        List<Record> batch = new ArrayList<>();
        List<UUID> velocityAlerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Transaction tx = Transaction.of(account, "25.0000", "EUR");
            long lsn = TestEvents.nextLsn();
            batch.add(new Record(TestEvents.key(tx.id()), TestEvents.created(tx, lsn)));
            velocityAlerts.add(alertId(tx, lsn, "velocity"));
        }
        KafkaTestClient.sendInOneBatch(TRANSACTIONS, batch);

        assertOnlyTheLastRaisesAVelocityAlert(velocityAlerts);
    }

    @Test
    void countsTheTransactionsOfEarlierBatchesForVelocity() {
        UUID account = UUID.randomUUID();
        List<UUID> velocityAlerts = new ArrayList<>();
        List<Record> firstBatch = new ArrayList<>();
        UUID largeAlert = null;
        for (int i = 0; i < 3; i++) {
            Transaction tx = Transaction.of(account, i == 0 ? "30000.0000" : "25.0000", "EUR");
            long lsn = TestEvents.nextLsn();
            firstBatch.add(new Record(TestEvents.key(tx.id()), TestEvents.created(tx, lsn)));
            velocityAlerts.add(alertId(tx, lsn, "velocity"));
            largeAlert = largeAlert == null ? alertId(tx, lsn, "large-amount") : largeAlert;
        }
        KafkaTestClient.sendInOneBatch(TRANSACTIONS, firstBatch);
        UUID firstBatchPosted = largeAlert;
        await().atMost(TIMEOUT).until(() -> postedNotificationIds().contains(firstBatchPosted));

        List<Record> secondBatch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Transaction tx = Transaction.of(account, "25.0000", "EUR");
            long lsn = TestEvents.nextLsn();
            secondBatch.add(new Record(TestEvents.key(tx.id()), TestEvents.created(tx, lsn)));
            velocityAlerts.add(alertId(tx, lsn, "velocity"));
        }
        KafkaTestClient.sendInOneBatch(TRANSACTIONS, secondBatch);

        assertOnlyTheLastRaisesAVelocityAlert(velocityAlerts);
    }

    @Test
    void triesABatchAgainWhileTheDatabaseRefusesItAndAlertsOnceItAccepts() throws SQLException {
        Transaction tx = Transaction.of(UUID.randomUUID(), "47000.0000", "EUR");
        long lsn = TestEvents.nextLsn();
        UUID alert = alertId(tx, lsn, "large-amount");
        double retriesBefore = batchRetries();
        try (Connection admin = DriverManager.getConnection(databaseUrl, "postgres", EmbeddedPostgresResource.ADMIN_PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("REVOKE INSERT ON notifier.account_activity FROM notifier");
            try {
                long offset = KafkaTestClient.sendInOneBatch(TRANSACTIONS, List.of(new Record(TestEvents.key(tx.id()), TestEvents.created(tx, lsn))));
                await().atMost(TIMEOUT).until(() -> batchRetries() >= retriesBefore + 2);
                assertThat(postedNotificationIds()).doesNotContain(alert);
                assertThat(KafkaTestClient.committedOffset("notifier", TRANSACTIONS)).isLessThanOrEqualTo(offset);
            } finally {
                statement.execute("GRANT INSERT ON notifier.account_activity TO notifier");
            }
        }
        await().atMost(TIMEOUT).until(() -> postedNotificationIds().contains(alert));
    }

    /** How often BatchRetry has tried a batch again, from the Fault Tolerance metrics on /q/metrics. */
    private static double batchRetries() {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.startsWith("ft_retry_retries_total{") && line.contains("BatchRetry.untilDone"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The dispatcher posts in the order notifications were recorded: once the last is posted, any earlier one is too. */
    private void assertOnlyTheLastRaisesAVelocityAlert(List<UUID> velocityAlerts) {
        UUID last = velocityAlerts.getLast();
        await().atMost(TIMEOUT).until(() -> postedNotificationIds().contains(last));
        assertThat(postedNotificationIds()).filteredOn(velocityAlerts::contains).containsExactly(last);
    }

    /** Recorded as sent: no retry of its post can follow. */
    private static void awaitSent(UUID notificationId) {
        await().atMost(TIMEOUT).untilAsserted(() -> given().queryParam("limit", 100).get("/api/notifications/recent").then()
                .body("find { it.notification.id == '" + notificationId + "' }.status", equalTo("SENT")));
    }

    private static UUID alertId(Transaction tx, long lsn, String rule) {
        return Notification.idOf(TestEvents.identity(tx, lsn), rule);
    }

    /** The notification ids of every accepted Slack message, repeats included. */
    private List<UUID> postedNotificationIds() {
        List<UUID> ids = new ArrayList<>();
        for (LoggedRequest post : slack.findAll(postRequestedFor(urlEqualTo(FakeSlackResource.WEBHOOK_PATH)))) {
            try {
                JSON.readTree(post.getBodyAsString()).path("metadata").path("event_payload").path("notification_ids")
                        .forEach(id -> ids.add(UUID.fromString(id.asText())));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + post.getBodyAsString(), e);
            }
        }
        return Collections.unmodifiableList(ids);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
