package org.cdcpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.cdcpipeline.helm.Chart.RenderedChart;
import org.junit.jupiter.api.Test;

/** The chart with its default values: what a plain {@code helm install} creates. */
class ChartDefaultsTest {

    private final RenderedChart chart = Chart.render(Map.of());

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(lintableCopy((file, content) -> content)).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void lintCatchesABrokenTemplate() {
        LintResult lint = new Helm(lintableCopy((file, content) -> file.endsWith("notifier-service.yaml")
                ? content.replace("  type: ClusterIP", "    type: ClusterIP")
                : content)).lint().strict().call();

        assertThat(lint.isFailed()).isTrue();
        assertThat(lint.getMessages()).anyMatch(message -> message.contains("notifier-service.yaml"));
    }

    /**
     * A copy of the chart with the one value a user must give filled into values.yaml (lint takes no --set here, and
     * a template stopped by "required" would go unchecked), then the given edit.
     */
    private static Path lintableCopy(BiFunction<Path, String, String> edit) {
        String repository = (String) Chart.REQUIRED.get("connect.build.debeziumPlugin.mavenRepository");
        return Chart.copy((file, content) -> edit.apply(file, file.toString().equals("values.yaml")
                ? content.replace("mavenRepository: \"\"", "mavenRepository: " + repository)
                : content));
    }

    @Test
    void createsThePipelineAndNothingElse() {
        assertThat(chart.names()).containsExactlyInAnyOrder(
                "ConfigMap/cdc-pipeline-transaction-writer", "ConfigMap/cdc-pipeline-notifier",
                "Service/cdc-pipeline-postgresql", "Service/cdc-pipeline-transaction-writer", "Service/cdc-pipeline-notifier",
                "StatefulSet/cdc-pipeline-postgresql",
                "Deployment/cdc-pipeline-transaction-writer", "Deployment/cdc-pipeline-notifier",
                "Role/cdc-pipeline-connect-secrets", "RoleBinding/cdc-pipeline-connect-secrets",
                "Kafka/cdc-pipeline-kafka", "KafkaNodePool/cdc-pipeline-dual-role",
                "KafkaTopic/bank.public.transactions", "KafkaTopic/bank.public.accounts", "KafkaTopic/bank.public.merchants",
                "KafkaTopic/bank.public.transactions.dlq", "KafkaTopic/bank.public.accounts.dlq", "KafkaTopic/bank.alerts", "KafkaTopic/bank.alerts.dlq",
                "KafkaConnect/cdc-pipeline-connect", "KafkaConnector/cdc-bank");
        assertThat(chart.manifests()).allSatisfy(manifest -> {
            JsonNode labels = manifest.at("/metadata/labels");
            assertThat(labels.path("app.kubernetes.io/name").asText()).isEqualTo("cdc-pipeline");
            assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo(Chart.RELEASE);
            assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("Helm");
            assertThat(labels.path("app.kubernetes.io/component").asText()).isNotEmpty();
        });
    }

    @Test
    void theConnectorConfigurationIsTheSharedFileWithOnlyTheDatabaseLocationAndLoginSet() throws IOException {
        Map<String, String> shared = new ObjectMapper().readValue(Chart.DIRECTORY.resolve("files/debezium-postgres-connector.json").toFile(),
                new TypeReference<LinkedHashMap<String, String>>() {
                });
        JsonNode connector = chart.get("KafkaConnector", "cdc-bank");
        Map<String, String> expected = new LinkedHashMap<>(shared);
        expected.remove("connector.class");
        expected.remove("tasks.max");
        expected.put("database.hostname", "cdc-pipeline-postgresql");
        expected.put("database.port", "5432");
        expected.put("database.user", "debezium");
        expected.put("database.password", "${secrets:cdc-pipeline/cdc-pipeline-database:debezium-password}");

        assertThat(connector.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("cdc-pipeline-connect");
        assertThat(connector.at("/spec/class").asText()).isEqualTo(shared.get("connector.class"));
        assertThat(connector.at("/spec/tasksMax").asInt()).isEqualTo(Integer.parseInt(shared.get("tasks.max")));
        assertThat(connector.at("/spec/autoRestart/enabled").asBoolean()).isTrue();
        assertThat(connector.at("/spec/autoRestart/maxRestarts").isMissingNode()).as("unlimited restarts").isTrue();
        assertThat(RenderedChart.textFields(connector.at("/spec/config"))).isEqualTo(expected);
    }

    @Test
    void connectBuildsItsImageWithTheChecksummedDebeziumPluginAndReadsSecretsThroughTheConfigProvider() {
        JsonNode connect = chart.get("KafkaConnect", "cdc-pipeline-connect");
        JsonNode artifact = connect.at("/spec/build/plugins/0/artifacts/0");

        assertThat(connect.at("/metadata/annotations/strimzi.io~1use-connector-resources").asText()).isEqualTo("true");
        assertThat(connect.at("/spec/bootstrapServers").asText()).isEqualTo("cdc-pipeline-kafka-kafka-bootstrap:9092");
        assertThat(connect.at("/spec/image").isMissingNode()).isTrue();
        assertThat(connect.at("/spec/build/output/image").asText())
                .isEqualTo("kind-registry:5000/cdc-pipeline/kafka-connect-debezium:3.5.0.Final");
        assertThat(artifact.path("type").asText()).isEqualTo("tgz");
        assertThat(artifact.path("url").asText()).isEqualTo(Chart.REQUIRED.get("connect.build.debeziumPlugin.mavenRepository")
                + "/io/debezium/debezium-connector-postgres/3.5.0.Final/debezium-connector-postgres-3.5.0.Final-plugin.tar.gz");
        assertThat(artifact.path("sha512sum").asText()).matches("[0-9a-f]{128}");
        assertThat(connect.at("/spec/config/config.providers").asText()).isEqualTo("secrets");
        assertThat(connect.at("/spec/config/config.providers.secrets.class").asText())
                .isEqualTo("io.strimzi.kafka.KubernetesSecretConfigProvider");
    }

    @Test
    void connectsServiceAccountMayReadTheDatabaseSecretAndNothingElse() {
        JsonNode role = chart.get("Role", "cdc-pipeline-connect-secrets");
        JsonNode binding = chart.get("RoleBinding", "cdc-pipeline-connect-secrets");

        assertThat(role.at("/rules")).hasSize(1);
        assertThat(role.at("/rules/0/resources/0").asText()).isEqualTo("secrets");
        assertThat(role.at("/rules/0/resourceNames")).extracting(JsonNode::asText).containsExactly("cdc-pipeline-database");
        assertThat(role.at("/rules/0/verbs")).extracting(JsonNode::asText).containsExactly("get");
        assertThat(binding.at("/subjects/0/kind").asText()).isEqualTo("ServiceAccount");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("cdc-pipeline-connect-connect");
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(Chart.NAMESPACE);
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo("cdc-pipeline-connect-secrets");
    }

    @Test
    void kafkaRunsInKRaftModeOnOneDualRoleNodeWithPersistentStorageAndMetrics() {
        JsonNode kafka = chart.get("Kafka", "cdc-pipeline-kafka");
        JsonNode pool = chart.get("KafkaNodePool", "cdc-pipeline-dual-role");

        assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("cdc-pipeline-kafka");
        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(pool.at("/spec/roles")).extracting(JsonNode::asText).containsExactly("controller", "broker");
        assertThat(pool.at("/spec/storage/type").asText()).isEqualTo("persistent-claim");
        assertThat(pool.at("/spec/storage/size").asText()).isEqualTo("10Gi");
        assertThat(kafka.at("/spec/kafka/config/default.replication.factor").asInt()).isEqualTo(1);
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(1);
        assertThat(kafka.at("/spec/kafka/metricsConfig/type").asText()).isEqualTo("strimziMetricsReporter");
        assertThat(kafka.at("/spec/entityOperator/topicOperator").isObject()).isTrue();
    }

    @Test
    void topicsKeepChangesAWeekAndDeadLettersAMonth() {
        assertThat(chart.ofKind("KafkaTopic")).allSatisfy(topic -> {
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("cdc-pipeline-kafka");
            assertThat(topic.at("/spec/topicName").asText()).isEqualTo(topic.at("/metadata/name").asText());
            assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(3);
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(1);
            long retention = topic.at("/spec/config/retention.ms").asLong();
            assertThat(retention).isEqualTo(topic.at("/spec/topicName").asText().endsWith(".dlq") ? 2_592_000_000L : 604_800_000L);
        });
    }

    @Test
    void postgresqlRunsWithLogicalReplicationOnAPersistentVolumeWithGeneratedPasswords() throws IOException {
        JsonNode statefulSet = chart.get("StatefulSet", "cdc-pipeline-postgresql");
        JsonNode container = statefulSet.at("/spec/template/spec/containers/0");
        JsonNode secret = Chart.renderHooks(Map.of()).get("Secret", "cdc-pipeline-database");

        assertThat(container.path("args")).extracting(JsonNode::asText)
                .contains("wal_level=logical", "max_wal_senders=10", "max_replication_slots=10");
        assertThat(RenderedChart.env(container)).contains(entry("POSTGRES_DB", "bank"), entry("POSTGRES_USER", "postgres"),
                entry("POSTGRES_PASSWORD", "secret:cdc-pipeline-database/admin-password"));
        assertThat(container.at("/readinessProbe/exec/command/2").asText()).contains("pg_isready");
        assertThat(container.at("/livenessProbe/exec/command/2").asText()).contains("pg_isready");
        assertThat(statefulSet.at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage").asText()).isEqualTo("8Gi");
        assertThat(statefulSet.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(Files.readString(Chart.DIRECTORY.resolve("templates/postgresql-secret.yaml")))
                .as("generated once, before the StatefulSet, and never regenerated by an upgrade").contains("helm.sh/hook: pre-install");
        assertThat(fieldNames(secret.path("data")))
                .containsExactlyInAnyOrder("admin-password", "app-password", "debezium-password", "notifier-password");
        assertThat(secret.path("data")).allSatisfy(password -> assertThat(password.asText()).hasSizeGreaterThan(40));
    }

    @Test
    void theServicesRunHardenedWithQuarkusHealthProbesAndTheKubernetesProfile() {
        for (String service : List.of("transaction-writer", "notifier")) {
            JsonNode pod = chart.get("Deployment", "cdc-pipeline-" + service).at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            JsonNode config = chart.get("ConfigMap", "cdc-pipeline-" + service).path("data");

            assertThat(container.path("image").asText()).isEqualTo("cdc-pipeline/" + service + ":0.1.0-SNAPSHOT");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(185);
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(container.at("/securityContext/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
            assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
            assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
            assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("cdc-pipeline-" + service);
            assertThat(config.path("QUARKUS_PROFILE").asText()).isEqualTo("kubernetes");
            assertThat(config.path("CDC_DATABASE_URL").asText()).isEqualTo("jdbc:postgresql://cdc-pipeline-postgresql:5432/bank");
        }
    }

    @Test
    void theTransactionWriterGetsTheSharedContractsVariables() {
        JsonNode container = chart.get("Deployment", "cdc-pipeline-transaction-writer").at("/spec/template/spec/containers/0");
        JsonNode config = chart.get("ConfigMap", "cdc-pipeline-transaction-writer").path("data");

        assertThat(RenderedChart.textFields(config)).containsOnlyKeys("QUARKUS_PROFILE", "CDC_DATABASE_URL", "CDC_DATABASE_ADMIN_USER",
                        "CDC_DATABASE_APP_USER", "CDC_DATABASE_DEBEZIUM_USER", "CDC_GENERATOR_ENABLED", "CDC_GENERATOR_RATE",
                        "CDC_GENERATOR_ANOMALY_SHARE")
                .contains(entry("CDC_GENERATOR_ENABLED", "false"), entry("CDC_DATABASE_APP_USER", "bank_app"));
        assertThat(RenderedChart.env(container)).containsExactly(
                entry("CDC_DATABASE_ADMIN_PASSWORD", "secret:cdc-pipeline-database/admin-password"),
                entry("CDC_DATABASE_APP_PASSWORD", "secret:cdc-pipeline-database/app-password"),
                entry("CDC_DATABASE_DEBEZIUM_PASSWORD", "secret:cdc-pipeline-database/debezium-password"));
    }

    @Test
    void theNotifierGetsTheSharedContractsVariablesAndNoSlackCredentials() {
        JsonNode container = chart.get("Deployment", "cdc-pipeline-notifier").at("/spec/template/spec/containers/0");
        JsonNode config = chart.get("ConfigMap", "cdc-pipeline-notifier").path("data");

        assertThat(RenderedChart.textFields(config)).containsOnlyKeys("QUARKUS_PROFILE", "KAFKA_BOOTSTRAP_SERVERS", "CDC_DATABASE_URL",
                        "CDC_DATABASE_ADMIN_USER", "CDC_DATABASE_NOTIFIER_USER", "CDC_NOTIFIER_LINK_BASE_URL")
                .contains(entry("KAFKA_BOOTSTRAP_SERVERS", "cdc-pipeline-kafka-kafka-bootstrap:9092"),
                        entry("CDC_NOTIFIER_LINK_BASE_URL", "http://localhost:8080"));
        assertThat(RenderedChart.env(container)).containsExactly(
                entry("CDC_DATABASE_ADMIN_PASSWORD", "secret:cdc-pipeline-database/admin-password"),
                entry("CDC_DATABASE_NOTIFIER_PASSWORD", "secret:cdc-pipeline-database/notifier-password"));
    }

    @Test
    void theNotesTellHowToReachTheServicesAndStartTheGenerator() {
        String notes = Chart.notes(Map.of());

        assertThat(notes).contains(
                "kubectl -n cdc-pipeline port-forward service/cdc-pipeline-transaction-writer 8080:8080",
                "kubectl -n cdc-pipeline port-forward service/cdc-pipeline-notifier 8081:8081",
                "kubectl -n cdc-pipeline port-forward service/cdc-pipeline-connect-connect-api 8083:8083",
                "curl -X POST http://localhost:8080/api/generator/start",
                "kubectl -n cdc-pipeline wait kafkaconnector/cdc-bank --for=condition=Ready");
        assertThat(Chart.notes(Map.of("transactionWriter.generator.enabled", "true")))
                .contains("The generator is running at 10 transactions/s").doesNotContain("curl");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
