package org.cdcpipeline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the notifier's consumed-events counter from its Prometheus text. */
class BacklogConsumptionTest {

    @Test
    void sumsEveryOutcomeOfTheTransactionsTopicAndLeavesAccountsOut() {
        String metrics = """
                # HELP cdc_notifier_events_consumed_total
                # TYPE cdc_notifier_events_consumed_total counter
                cdc_notifier_events_consumed_total{outcome="processed",topic="bank.public.transactions"} 41250.0
                cdc_notifier_events_consumed_total{outcome="tombstone",topic="bank.public.transactions"} 3.0
                cdc_notifier_events_consumed_total{outcome="processed",topic="bank.public.accounts"} 1000.0
                cdc_notifier_notifications_total{rule="large-amount"} 7.0
                """;

        assertThat(BacklogConsumption.consumedEvents(metrics)).isEqualTo(41_253);
    }

    @Test
    void noCounterYetMeansNothingConsumed() {
        assertThat(BacklogConsumption.consumedEvents("# TYPE jvm_threads_live_threads gauge\njvm_threads_live_threads 42.0\n")).isZero();
    }
}
