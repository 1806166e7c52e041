package org.cdcpipeline.helm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The default values and each toggle a user is expected to flip, as {@code --set} values. */
final class ChartVariants {

    static final Map<String, Map<String, Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("defaults", Map.of());
        ALL.put("external database", Map.of(
                "postgresql.enabled", "false",
                "externalDatabase.host", "bank-db.example.internal",
                "externalDatabase.port", "6432",
                "externalDatabase.database", "core_bank",
                "externalDatabase.existingSecret", "bank-db-credentials"));
        ALL.put("prebuilt Connect image", Map.of(
                "connect.build.enabled", "false",
                "connect.image", "registry.example.org/cdc/kafka-connect-debezium:3.5.0.Final"));
        ALL.put("Slack webhook", Map.of(
                "notifier.slack.enabled", "true",
                "notifier.slack.existingSecret", "slack",
                "notifier.slack.mode", "webhook"));
        ALL.put("Slack bot", Map.of(
                "notifier.slack.enabled", "true",
                "notifier.slack.existingSecret", "slack",
                "notifier.slack.mode", "bot"));
        ALL.put("three ephemeral Kafka nodes", Map.of(
                "kafka.replicas", "3",
                "kafka.storage.type", "ephemeral"));
        ALL.put("persistent Kafka with a storage class", Map.of(
                "kafka.storage.size", "50Gi",
                "kafka.storage.storageClassName", "fast-ssd",
                "kafka.storage.deleteClaim", "true"));
        ALL.put("generator on", Map.of(
                "transactionWriter.generator.enabled", "true",
                "transactionWriter.generator.rate", "50",
                "transactionWriter.generator.seed", "42"));
        ALL.put("resource sizes", Map.of(
                "transactionWriter.resources.limits.memory", "1Gi",
                "notifier.resources.requests.cpu", "500m",
                "connect.resources.limits.memory", "3Gi",
                "kafka.resources.requests.memory", "4Gi"));
        ALL.put("monitoring", Map.of(
                "monitoring.serviceMonitor", "true",
                "monitoring.podMonitor", "true",
                "monitoring.labels.release", "prometheus"));
    }

    private ChartVariants() {
    }
}
