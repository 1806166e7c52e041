package org.cdcpipeline.notifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.cdcpipeline.notifier.NotifierTestProfile;
import org.cdcpipeline.notifier.store.AccountActivity.Transaction;
import org.junit.jupiter.api.Test;

/** The velocity rule's counts, recorded a batch at a time in the real PostgreSQL. */
@QuarkusTest
@TestProfile(NotifierTestProfile.class)
class AccountActivityTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Inject
    AccountActivity activity;

    @Test
    void countsTheTransactionsOfABatchOneAfterTheOtherAlsoWhenTheyShareATimestamp() {
        UUID account = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<Transaction> batch = List.of(
                at(account, T0), at(account, T0), at(other, T0), at(account, T0), at(account, T0), at(other, T0.plusSeconds(1)),
                at(account, T0), at(account, T0));

        assertThat(activity.recordAndCountRecent(batch, WINDOW)).containsExactly(1, 2, 1, 3, 4, 2, 5, 6);
    }

    @Test
    void countsTheEarlierBatchesWithinTheWindowOnly() {
        UUID account = UUID.randomUUID();
        assertThat(activity.recordAndCountRecent(
                List.of(at(account, T0), at(account, T0.plusSeconds(10)), at(account, T0.plusSeconds(20))), WINDOW))
                .containsExactly(1, 2, 3);

        // 70 s: the window (10 s, 70 s] holds 20 s, 30 s and itself.
        assertThat(activity.recordAndCountRecent(List.of(at(account, T0.plusSeconds(30)), at(account, T0.plusSeconds(70))), WINDOW))
                .containsExactly(4, 3);
    }

    @Test
    void givesATransactionDeliveredAgainTheCountItGotTheFirstTime() {
        UUID account = UUID.randomUUID();
        Transaction first = at(account, T0);
        Transaction second = at(account, T0);
        Transaction third = at(account, T0);
        assertThat(activity.recordAndCountRecent(List.of(first, second, third), WINDOW)).containsExactly(1, 2, 3);

        Transaction fourth = at(account, T0);
        assertThat(activity.recordAndCountRecent(List.of(second, third, fourth, fourth, first), WINDOW))
                .as("redelivered events keep their counts; the same one twice in a batch counts once")
                .containsExactly(2, 3, 4, 4, 1);
    }

    @Test
    void purgeKeepsWhatAVelocityWindowCanStillReachCountedFromTheNewestRowAndNeverFromTheFuture() {
        UUID account = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Transaction twoHoursAgo = at(account, now.minus(Duration.ofHours(2)));
        Transaction aMinuteAgo = at(account, now.minus(Duration.ofMinutes(1)));
        Transaction tomorrow = at(UUID.randomUUID(), now.plus(Duration.ofDays(1)));
        activity.recordAndCountRecent(List.of(twoHoursAgo, aMinuteAgo, tomorrow), WINDOW);

        assertThat(activity.purgeOlderThan(Duration.ofHours(1))).isPositive();

        Transaction now1 = at(account, now);
        assertThat(activity.recordAndCountRecent(List.of(now1), Duration.ofHours(3)))
                .as("the row of two hours ago is gone; the one of a minute ago is kept although a row is stamped tomorrow")
                .containsExactly(2);
    }

    private static Transaction at(UUID account, Instant occurredAt) {
        return new Transaction(UUID.randomUUID(), account, occurredAt);
    }
}
