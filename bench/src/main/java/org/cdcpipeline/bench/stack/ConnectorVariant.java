package org.cdcpipeline.bench.stack;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.connect.DebeziumConnectorConfig;

/**
 * One Debezium connector of the run. Both variants read the same publication through their own replication slot
 * and write to their own topics, so they capture the very same rows: <em>tuned</em> is the shipped configuration
 * (the chart's JSON, performance keys included), <em>stock</em> the same without its performance keys, i.e.
 * Debezium's and Kafka's defaults for them.
 */
public record ConnectorVariant(String name, String topicPrefix, Map<String, String> config) {

    /** The Debezium keys that only tune speed; stock leaves them at their defaults. */
    static final Set<String> PERFORMANCE_KEYS = Set.of("max.batch.size", "max.queue.size", "poll.interval.ms");
    static final String PRODUCER_OVERRIDES = "producer.override.";
    /** Producer overrides that keep the events durable: both variants keep them, stock is never less safe than tuned. */
    static final Set<String> DURABILITY_KEYS = Set.of(PRODUCER_OVERRIDES + "acks", PRODUCER_OVERRIDES + "enable.idempotence");

    /** @param overrides settings tried over the shipped ones ({@code ./bench/run --set key=value}), usually none */
    public static ConnectorVariant tuned(int postgresPort, Map<String, String> overrides) {
        ConnectorVariant tuned = of("tuned", postgresPort, false);
        tuned.config().putAll(overrides);
        return tuned;
    }

    public static ConnectorVariant stock(int postgresPort) {
        return of("stock", postgresPort, true);
    }

    private static ConnectorVariant of(String name, int postgresPort, boolean stripTuning) {
        Map<String, String> config = DebeziumConnectorConfig.forDatabase(Ports.LOOPBACK, postgresPort,
                Credentials.DEBEZIUM_USER, Credentials.DEBEZIUM_PASSWORD);
        if (stripTuning) {
            config.keySet().removeIf(ConnectorVariant::tunesSpeed);
        }
        config.put("topic.prefix", name);
        config.put("slot.name", "bench_" + name);
        return new ConnectorVariant("bench-" + name, name, config);
    }

    public String slotName() {
        return config.get("slot.name");
    }

    public String transactionsTopic() {
        return topicPrefix + ".public.transactions";
    }

    public String accountsTopic() {
        return topicPrefix + ".public.accounts";
    }

    /** The performance and durability settings of this variant, for the report (absent keys are at their defaults). */
    public Map<String, String> performanceSettings() {
        Map<String, String> tuning = new TreeMap<>();
        config.forEach((key, value) -> {
            if (tunesSpeed(key) || DURABILITY_KEYS.contains(key)) {
                tuning.put(key, value);
            }
        });
        return tuning;
    }

    private static boolean tunesSpeed(String key) {
        return PERFORMANCE_KEYS.contains(key) || key.startsWith(PRODUCER_OVERRIDES) && !DURABILITY_KEYS.contains(key);
    }
}
