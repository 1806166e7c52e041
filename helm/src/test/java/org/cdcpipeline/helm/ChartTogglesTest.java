package org.cdcpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cdcpipeline.helm.Chart.RenderedChart;
import org.junit.jupiter.api.Test;

/** Each toggle a user flips, rendered, with the fields it must change (and leave alone). */
class ChartTogglesTest {

    private static RenderedChart variant(String name) {
        return Chart.render(ChartVariants.ALL.get(name));
    }

    @Test
    void anExternalDatabaseReplacesTheStatefulSetEverywhere() {
        RenderedChart chart = variant("external database");

        assertThat(chart.ofKind("StatefulSet")).isEmpty();
        assertThat(chart.find("Service", "cdc-pipeline-postgresql")).isEmpty();
        assertThat(chart.ofKind("Secret")).as("the user's Secret is used, none is generated").isEmpty();
        for (String service : List.of("transaction-writer", "notifier")) {
            assertThat(chart.get("ConfigMap", "cdc-pipeline-" + service).at("/data/CDC_DATABASE_URL").asText())
                    .isEqualTo("jdbc:postgresql://bank-db.example.internal:6432/core_bank");
            assertThat(RenderedChart.env(chart.get("Deployment", "cdc-pipeline-" + service).at("/spec/template/spec/containers/0")))
                    .containsEntry("CDC_DATABASE_ADMIN_PASSWORD", "secret:bank-db-credentials/admin-password");
        }
        JsonNode config = chart.get("KafkaConnector", "cdc-bank").at("/spec/config");
        assertThat(config.path("database.hostname").asText()).isEqualTo("bank-db.example.internal");
        assertThat(config.path("database.port").asText()).isEqualTo("6432");
        assertThat(config.path("database.password").asText()).isEqualTo("${secrets:cdc-pipeline/bank-db-credentials:debezium-password}");
        assertThat(chart.get("Role", "cdc-pipeline-connect-secrets").at("/rules/0/resourceNames/0").asText()).isEqualTo("bank-db-credentials");
    }

    @Test
    void anExistingSecretForTheChartsPostgresqlIsUsedInsteadOfAGeneratedOne() {
        RenderedChart chart = Chart.render(Map.of("postgresql.auth.existingSecret", "my-db"));

        assertThat(chart.ofKind("Secret")).isEmpty();
        assertThat(RenderedChart.env(chart.get("StatefulSet", "cdc-pipeline-postgresql").at("/spec/template/spec/containers/0")))
                .containsEntry("POSTGRES_PASSWORD", "secret:my-db/admin-password");
    }

    @Test
    void aPrebuiltConnectImageReplacesTheBuild() {
        JsonNode connect = variant("prebuilt Connect image").get("KafkaConnect", "cdc-pipeline-connect");

        assertThat(connect.at("/spec/build").isMissingNode()).isTrue();
        assertThat(connect.at("/spec/image").asText()).isEqualTo("registry.example.org/cdc/kafka-connect-debezium:3.5.0.Final");
    }

    @Test
    void theBuildPushesWhereTheUserSays() {
        JsonNode output = Chart.render(Map.of(
                "connect.build.output.image", "registry.example.org/team/connect:1",
                "connect.build.output.pushSecret", "registry-push",
                "connect.build.output.additionalBuildOptions[0]", "--insecure")).get("KafkaConnect", "cdc-pipeline-connect").at("/spec/build/output");

        assertThat(output.path("type").asText()).isEqualTo("docker");
        assertThat(output.path("image").asText()).isEqualTo("registry.example.org/team/connect:1");
        assertThat(output.path("pushSecret").asText()).isEqualTo("registry-push");
        assertThat(output.path("additionalBuildOptions")).extracting(JsonNode::asText).containsExactly("--insecure");
    }

    @Test
    void slackWebhookCredentialsComeFromTheExistingSecret() {
        JsonNode container = variant("Slack webhook").get("Deployment", "cdc-pipeline-notifier").at("/spec/template/spec/containers/0");

        assertThat(RenderedChart.env(container)).containsEntry("SLACK_WEBHOOK_URL", "secret:slack/webhook-url")
                .doesNotContainKeys("SLACK_BOT_TOKEN", "SLACK_CHANNEL");
    }

    @Test
    void slackBotCredentialsComeFromTheExistingSecret() {
        JsonNode container = variant("Slack bot").get("Deployment", "cdc-pipeline-notifier").at("/spec/template/spec/containers/0");

        assertThat(RenderedChart.env(container))
                .contains(entry("SLACK_BOT_TOKEN", "secret:slack/bot-token"), entry("SLACK_CHANNEL", "secret:slack/channel"))
                .doesNotContainKey("SLACK_WEBHOOK_URL");
    }

    @Test
    void threeKafkaNodesReplicateThreeTimesAndNeedTwoInSyncReplicas() {
        RenderedChart chart = variant("three ephemeral Kafka nodes");
        JsonNode config = chart.get("Kafka", "cdc-pipeline-kafka").at("/spec/kafka/config");
        JsonNode pool = chart.get("KafkaNodePool", "cdc-pipeline-dual-role");

        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(pool.at("/spec/storage/type").asText()).isEqualTo("ephemeral");
        assertThat(pool.at("/spec/storage/size").isMissingNode()).isTrue();
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("transaction.state.log.min.isr").asInt()).isEqualTo(2);
        assertThat(chart.ofKind("KafkaTopic")).allSatisfy(topic -> assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3));
    }

    @Test
    void kafkaStorageSizeClassAndDeletionAreConfigurable() {
        JsonNode storage = variant("persistent Kafka with a storage class").get("KafkaNodePool", "cdc-pipeline-dual-role").at("/spec/storage");

        assertThat(storage.path("size").asText()).isEqualTo("50Gi");
        assertThat(storage.path("class").asText()).isEqualTo("fast-ssd");
        assertThat(storage.path("deleteClaim").asBoolean()).isTrue();
    }

    @Test
    void theGeneratorStartsWithTheRateAndSeedGiven() {
        JsonNode config = variant("generator on").get("ConfigMap", "cdc-pipeline-transaction-writer").path("data");

        assertThat(Chart.RenderedChart.textFields(config)).contains(entry("CDC_GENERATOR_ENABLED", "true"),
                entry("CDC_GENERATOR_RATE", "50"), entry("CDC_GENERATOR_SEED", "42"), entry("CDC_GENERATOR_ANOMALY_SHARE", "0.02"));
    }

    @Test
    void resourceSizesReachTheirContainers() {
        RenderedChart chart = variant("resource sizes");

        assertThat(chart.get("Deployment", "cdc-pipeline-transaction-writer").at("/spec/template/spec/containers/0/resources/limits/memory")
                .asText()).isEqualTo("1Gi");
        assertThat(chart.get("Deployment", "cdc-pipeline-notifier").at("/spec/template/spec/containers/0/resources/requests/cpu")
                .asText()).isEqualTo("500m");
        assertThat(chart.get("KafkaConnect", "cdc-pipeline-connect").at("/spec/resources/limits/memory").asText()).isEqualTo("3Gi");
        assertThat(chart.get("KafkaNodePool", "cdc-pipeline-dual-role").at("/spec/resources/requests/memory").asText()).isEqualTo("4Gi");
    }

    @Test
    void monitorsScrapeTheServicesAndTheStrimziPods() {
        RenderedChart chart = variant("monitoring");
        RenderedChart withoutMonitoring = variant("defaults");

        assertThat(withoutMonitoring.ofKind("ServiceMonitor")).isEmpty();
        assertThat(withoutMonitoring.ofKind("PodMonitor")).isEmpty();
        for (String service : List.of("transaction-writer", "notifier")) {
            JsonNode monitor = chart.get("ServiceMonitor", "cdc-pipeline-" + service);
            assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
            assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
            assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText()).isEqualTo(service);
        }
        JsonNode podMonitor = chart.get("PodMonitor", "cdc-pipeline-strimzi");
        assertThat(podMonitor.at("/spec/selector/matchExpressions/0/values")).extracting(JsonNode::asText)
                .containsExactly("cdc-pipeline-kafka", "cdc-pipeline-connect");
    }

    @Test
    void metricsCanBeSwitchedOffForKafkaAndConnect() {
        RenderedChart chart = Chart.render(Map.of("kafka.metrics", "false", "connect.metrics", "false"));

        assertThat(chart.get("Kafka", "cdc-pipeline-kafka").at("/spec/kafka/metricsConfig").isMissingNode()).isTrue();
        assertThat(chart.get("KafkaConnect", "cdc-pipeline-connect").at("/spec/metricsConfig").isMissingNode()).isTrue();
    }

    @Test
    void theSkaffoldImageValuesReachTheDeployments() {
        RenderedChart chart = Chart.render(Map.of(
                "transactionWriter.image.repository", "localhost:5001/transaction-writer",
                "transactionWriter.image.tag", "abc123",
                "notifier.image.repository", "localhost:5001/notifier",
                "notifier.image.tag", "def456"));

        assertThat(chart.get("Deployment", "cdc-pipeline-transaction-writer").at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("localhost:5001/transaction-writer:abc123");
        assertThat(chart.get("Deployment", "cdc-pipeline-notifier").at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("localhost:5001/notifier:def456");
    }

    @Test
    void autoRestartCanBeLimited() {
        JsonNode autoRestart = Chart.render(Map.of("connect.connector.maxRestarts", "5")).get("KafkaConnector", "cdc-bank").at("/spec/autoRestart");

        assertThat(autoRestart.path("enabled").asBoolean()).isTrue();
        assertThat(autoRestart.path("maxRestarts").asInt()).isEqualTo(5);
    }
}
