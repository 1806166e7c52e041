package org.cdcpipeline.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** values.schema.json turns a mistake in the values into an error naming the value, before anything reaches a cluster. */
class ValuesSchemaTest {

    @Test
    void rejectsAValueOfTheWrongType() {
        assertRejected("kafka:\n  replicas: three\n", "/kafka/replicas", "want integer");
        assertRejected("transactionWriter:\n  generator:\n    enabled: \"yes\"\n", "/transactionWriter/generator/enabled");
    }

    @Test
    void rejectsAnUnknownKey() {
        assertRejected("transactionWriter:\n  replica: 2\n", "/transactionWriter", "'replica' not allowed");
        assertRejected("kafka:\n  storage:\n    sise: 20Gi\n", "/kafka/storage", "'sise' not allowed");
        assertRejected("postgressql:\n  enabled: false\n", "'postgressql' not allowed");
    }

    @Test
    void rejectsAMissingRequiredValue() {
        assertThatThrownBy(() -> Chart.render(Map.of("database.users.debezium", "null")))
                .hasMessageContaining("values don't meet the specifications of the schema").hasMessageContaining("users").hasMessageContaining("debezium");
        assertThatThrownBy(() -> Chart.render(Map.of("kafka.partitions", "null")))
                .hasMessageContaining("values don't meet the specifications of the schema").hasMessageContaining("kafka").hasMessageContaining("partitions");
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertRejected("kafka:\n  replicas: 0\n", "/kafka/replicas");
        assertRejected("transactionWriter:\n  generator:\n    anomalyShare: 1.5\n", "/transactionWriter/generator/anomalyShare");
        assertRejected("kafka:\n  storage:\n    type: jbod\n", "/kafka/storage/type");
        assertRejected("notifier:\n  slack:\n    mode: email\n", "/notifier/slack/mode");
        assertRejected("connect:\n  build:\n    debeziumPlugin:\n      sha512sum: abc\n", "/connect/build/debeziumPlugin/sha512sum");
    }

    @Test
    void rejectsASettingDebeziumCannotWorkWith() {
        assertRejected("postgresql:\n  settings:\n    wal_level: replica\n", "/postgresql/settings/wal_level");
    }

    @Test
    void requiresWhatEachToggleNeeds() {
        assertRejected("postgresql:\n  enabled: false\n", "/externalDatabase/host", "/externalDatabase/existingSecret");
        assertRejected("connect:\n  build:\n    enabled: false\n", "/connect/image");
        assertRejected("notifier:\n  slack:\n    enabled: true\n", "/notifier/slack/existingSecret");
    }

    @Test
    void theDebeziumPluginsRepositoryIsRequiredForTheBuild() {
        assertThatThrownBy(() -> Chart.render(Map.of("connect.build.debeziumPlugin.mavenRepository", "")))
                .hasMessageContaining("connect.build.debeziumPlugin.mavenRepository is required");
    }

    private static void assertRejected(String values, String... named) {
        var failure = assertThatThrownBy(() -> Chart.renderWithValues(values)).hasMessageContaining("values don't meet the specifications of the schema");
        for (String name : named) {
            failure.hasMessageContaining(name);
        }
    }
}
