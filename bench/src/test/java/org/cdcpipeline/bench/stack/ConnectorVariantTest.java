package org.cdcpipeline.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cdcpipeline.embedded.connect.DebeziumConnectorConfig;
import org.junit.jupiter.api.Test;

class ConnectorVariantTest {

    private final Map<String, String> shipped = DebeziumConnectorConfig.shared();

    @Test
    void tunedRunsTheShippedConfigurationOnItsOwnSlotAndTopics() {
        ConnectorVariant tuned = ConnectorVariant.tuned(5432, Map.of());

        shipped.forEach((key, value) -> {
            if (!key.equals("slot.name") && !key.equals("topic.prefix")) {
                assertThat(tuned.config()).containsEntry(key, value);
            }
        });
        assertThat(tuned.slotName()).isEqualTo("bench_tuned");
        assertThat(tuned.config()).containsEntry("topic.prefix", "tuned");
        assertThat(tuned.transactionsTopic()).isEqualTo("tuned.public.transactions");
    }

    @Test
    void stockLeavesEveryPerformanceKeyAtItsDefaultButKeepsDurability() {
        ConnectorVariant stock = ConnectorVariant.stock(5432);

        assertThat(stock.config()).doesNotContainKeys("max.batch.size", "max.queue.size", "poll.interval.ms");
        assertThat(stock.config().keySet()).filteredOn(key -> key.startsWith("producer.override."))
                .allMatch(ConnectorVariant.DURABILITY_KEYS::contains);
        assertThat(stock.config()).containsEntry("publication.name", shipped.get("publication.name"))
                .containsEntry("slot.name", "bench_stock");
    }

    @Test
    void triedSettingsApplyToTheTunedConnectorOnly() {
        assertThat(ConnectorVariant.tuned(5432, Map.of("max.batch.size", "4096")).config()).containsEntry("max.batch.size", "4096");
    }
}
