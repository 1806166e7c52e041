package org.cdcpipeline.notifier.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.notifier.KafkaTestClient;
import org.cdcpipeline.notifier.KafkaTestClient.Record;
import org.cdcpipeline.notifier.NotifierTestProfile;
import org.cdcpipeline.notifier.TestEvents;
import org.cdcpipeline.notifier.store.AccountFacts;
import org.junit.jupiter.api.Test;

/** Account change events, a poll at a time, on the real Kafka broker → the notifier's accounts table. */
@QuarkusTest
@TestProfile(NotifierTestProfile.class)
class AccountEventsConsumerTest {

    private static final String ACCOUNTS = "bank.public.accounts";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AccountFacts accounts;

    @Test
    void keepsEachAccountsLastChangeOfABatchAndDeadLettersTheMalformedRecord() {
        UUID moved = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        UUID opened = UUID.randomUUID();
        String badKey = TestEvents.key(UUID.randomUUID());

        long lastOffset = KafkaTestClient.sendInOneBatch(ACCOUNTS, List.of(
                new Record(TestEvents.key(moved), TestEvents.account(moved, "NL")),
                new Record(TestEvents.key(closed), TestEvents.account(closed, "DE")),
                new Record(badKey, "{\"op\": \"x\"}"),
                new Record(TestEvents.key(moved), TestEvents.account(moved, "BE")),
                new Record(TestEvents.key(closed), TestEvents.accountDeleted(closed, "DE")),
                new Record(TestEvents.key(closed), null),
                new Record(TestEvents.key(opened), TestEvents.account(opened, "FR"))));

        ConsumerRecord<String, String> deadLetter = KafkaTestClient.awaitRecord("bank.public.accounts.dlq",
                record -> record.key().equals(badKey), TIMEOUT);
        assertThat(new String(deadLetter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("unknown operation");
        await().atMost(TIMEOUT).until(() -> accounts.homeCountries(List.of(moved, closed, opened)).equals(Map.of(moved, "BE", opened, "FR")));
        await().atMost(TIMEOUT).until(() -> KafkaTestClient.committedOffset("notifier", ACCOUNTS) > lastOffset);
    }
}
