package org.cdcpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What `skaffold dev` relies on in skaffold.yaml, and that the chart accepts the values it sets. */
class SkaffoldConfigTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("transaction-writer", "notifier");

    private final JsonNode skaffold = read();

    @Test
    void usesTheCurrentSchema() {
        assertThat(skaffold.path("apiVersion").asText()).isEqualTo("skaffold/v4beta11");
        assertThat(skaffold.path("kind").asText()).isEqualTo("Config");
    }

    @Test
    void buildsBothServicesWithMavenAndTheirDockerfile() throws IOException {
        JsonNode artifacts = skaffold.at("/build/artifacts");

        assertThat(artifacts).extracting(artifact -> artifact.path("image").asText())
                .containsExactly("cdc-pipeline/transaction-writer", "cdc-pipeline/notifier");
        for (int i = 0; i < SERVICES.size(); i++) {
            JsonNode artifact = artifacts.get(i);
            Path context = ROOT.resolve(artifact.path("context").asText());
            Path buildCommand = context.resolve(artifact.at("/custom/buildCommand").asText()).normalize();
            String script = Files.readString(buildCommand);

            assertThat(context).isEqualTo(ROOT.resolve("services/" + SERVICES.get(i)));
            assertThat(context.resolve("src/main/docker/Dockerfile.jvm")).isRegularFile();
            assertThat(buildCommand).isExecutable();
            assertThat(script).contains("./mvnw -B -q -pl \"$module\" -am package -DskipTests",
                    "docker build -f src/main/docker/Dockerfile.jvm -t \"$IMAGE\" .",
                    "if [ \"${PUSH_IMAGE:-false}\" = \"true\" ]; then", "docker push \"$IMAGE\"");
            assertThat(artifact.at("/custom/dependencies/paths")).extracting(JsonNode::asText).contains("src/main/**", "pom.xml");
        }
    }

    @Test
    void theDockerfilesRunTheQuarkusAppAsANonRootUser() throws IOException {
        for (String service : SERVICES) {
            String dockerfile = Files.readString(ROOT.resolve("services/" + service + "/src/main/docker/Dockerfile.jvm"));

            assertThat(dockerfile).contains("FROM ${BASE_IMAGE}", "USER 185", "target/quarkus-app/lib/", "/deployments/quarkus-run.jar");
        }
    }

    @Test
    void deploysTheChartWithTheBuiltImages() {
        JsonNode release = skaffold.at("/deploy/helm/releases/0");
        JsonNode images = release.path("setValueTemplates");

        assertThat(skaffold.at("/deploy/helm/releases")).hasSize(1);
        assertThat(release.path("name").asText()).isEqualTo(Chart.RELEASE);
        assertThat(release.path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
        assertThat(ROOT.resolve(release.path("chartPath").asText())).isEqualTo(Chart.DIRECTORY);
        assertThat(Chart.RenderedChart.textFields(images)).contains(
                Map.entry("transactionWriter.image.repository", "{{.IMAGE_REPO_cdc_pipeline_transaction_writer}}"),
                Map.entry("transactionWriter.image.tag", "{{.IMAGE_TAG_cdc_pipeline_transaction_writer}}"),
                Map.entry("notifier.image.repository", "{{.IMAGE_REPO_cdc_pipeline_notifier}}"),
                Map.entry("notifier.image.tag", "{{.IMAGE_TAG_cdc_pipeline_notifier}}"));
    }

    @Test
    void theChartAcceptsEverySettingOfEachProfile() {
        for (JsonNode profile : skaffold.path("profiles")) {
            Map<String, Object> values = new HashMap<>(Chart.RenderedChart.textFields(skaffold.at("/deploy/helm/releases/0/setValues")));
            for (JsonNode patch : profile.path("patches")) {
                String prefix = "/deploy/helm/releases/0/setValues/";
                assertThat(patch.path("path").asText()).startsWith(prefix);
                values.put(patch.path("path").asText().substring(prefix.length()), patch.path("value").asText());
            }

            JsonNode output = Chart.render(values).get("KafkaConnect", "cdc-pipeline-connect").at("/spec/build/output");

            assertThat(output.path("image").asText()).as(profile.path("name").asText()).isEqualTo(values.get("connect.build.output.image"));
            assertThat(output.path("additionalBuildOptions")).extracting(JsonNode::asText).containsExactly("--insecure");
        }
        assertThat(skaffold.path("profiles")).extracting(profile -> profile.path("name").asText()).containsExactly("kind", "minikube");
        assertThat(skaffold.at("/profiles/0/activation/0/kubeContext").asText()).isEqualTo("kind-cdc-pipeline");
        assertThat(skaffold.at("/profiles/1/activation/0/kubeContext").asText()).isEqualTo("minikube");
    }

    @Test
    void forwardsTheServicesAndConnectsRestApiToTheChartsServices() {
        JsonNode forwards = skaffold.path("portForward");
        Chart.RenderedChart chart = Chart.render(Map.of());

        assertThat(forwards).extracting(forward -> forward.path("resourceName").asText() + ":" + forward.path("port").asInt()
                        + "->" + forward.path("localPort").asInt())
                .containsExactly("cdc-pipeline-transaction-writer:8080->8080", "cdc-pipeline-notifier:8081->8081",
                        "cdc-pipeline-connect-connect-api:8083->8083");
        assertThat(forwards).allSatisfy(forward -> {
            assertThat(forward.path("resourceType").asText()).isEqualTo("service");
            assertThat(forward.path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
        });
        assertThat(chart.get("Service", "cdc-pipeline-transaction-writer").at("/spec/ports/0/port").asInt()).isEqualTo(8080);
        assertThat(chart.get("Service", "cdc-pipeline-notifier").at("/spec/ports/0/port").asInt()).isEqualTo(8081);
        assertThat(chart.get("KafkaConnect", "cdc-pipeline-connect").path("metadata").path("name").asText())
                .as("Strimzi names the REST API's Service <KafkaConnect name>-connect-api").isEqualTo("cdc-pipeline-connect");
    }

    private static JsonNode read() {
        try {
            return Chart.yaml().readTree(ROOT.resolve("skaffold.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
