package org.cdcpipeline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest of every variant against the official definition of its kind, and proof that the checks bite. */
class ManifestValidationTest {

    static Stream<Arguments> variants() {
        return ChartVariants.ALL.entrySet().stream().map(variant -> Arguments.of(variant.getKey(), variant.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyManifestMatchesTheDefinitionOfItsKind(String variant, Map<String, Object> values) {
        List<JsonNode> manifests = new ArrayList<>(Chart.render(values).manifests());
        manifests.addAll(Chart.renderHooks(values).manifests());

        assertThat(manifests).isNotEmpty();
        assertThat(manifests.stream().flatMap(manifest -> Manifests.problems(manifest).stream())).isEmpty();
    }

    @Test
    void aMisspelledKubernetesFieldIsAnError() {
        ObjectNode deployment = writerDeployment();
        ObjectNode spec = (ObjectNode) deployment.get("spec");
        spec.set("replica", spec.remove("replicas"));

        assertThat(Manifests.problems(deployment)).singleElement().asString()
                .startsWith("Deployment/cdc-pipeline-transaction-writer: ").contains("\"replica\"");
    }

    @Test
    void aMisspelledNestedKubernetesFieldIsAnError() {
        ObjectNode deployment = writerDeployment();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));

        assertThat(Manifests.problems(deployment)).singleElement().asString().contains("\"readinesProbe\"");
    }

    @Test
    void aKubernetesValueOfTheWrongTypeIsAnError() {
        ObjectNode replicasAsText = writerDeployment();
        ((ObjectNode) replicasAsText.get("spec")).put("replicas", "two");
        ObjectNode flagAsText = writerDeployment();
        ((ObjectNode) flagAsText.at("/spec/template/spec/containers/0/securityContext")).put("readOnlyRootFilesystem", "yes");
        ObjectNode numberForText = writerDeployment();
        ((ObjectNode) numberForText.at("/spec/template/spec/containers/0")).put("image", 42);

        assertThat(Manifests.problems(replicasAsText)).singleElement().asString().contains("two");
        assertThat(Manifests.problems(flagAsText)).singleElement().asString().contains("yes");
        assertThat(Manifests.problems(numberForText)).hasSize(1);
    }

    @Test
    void aMisspelledStrimziFieldIsAnError() {
        ObjectNode connect = (ObjectNode) Chart.render(Map.of()).get("KafkaConnect", "cdc-pipeline-connect").deepCopy();
        ObjectNode spec = (ObjectNode) connect.get("spec");
        spec.set("bootstrapServer", spec.remove("bootstrapServers"));

        assertThat(Manifests.problems(connect))
                .anySatisfy(problem -> assertThat(problem).contains("bootstrapServer").contains("not"))
                .anySatisfy(problem -> assertThat(problem).contains("bootstrapServers"));
    }

    @Test
    void aStrimziValueOfTheWrongTypeOrOutOfItsEnumIsAnError() {
        ObjectNode topic = (ObjectNode) Chart.render(Map.of()).get("KafkaTopic", "bank.alerts").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "three");
        ObjectNode pool = (ObjectNode) Chart.render(Map.of()).get("KafkaNodePool", "cdc-pipeline-dual-role").deepCopy();
        ((ObjectNode) pool.at("/spec/storage")).put("type", "persistent");

        assertThat(Manifests.problems(topic)).singleElement().asString().contains("/spec/partitions");
        assertThat(Manifests.problems(pool)).isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("/spec/storage/type"));
    }

    @Test
    void anUnknownKindIsNeverPassedUnchecked() {
        ObjectNode ingress = Chart.yaml().createObjectNode();
        ingress.put("apiVersion", "networking.k8s.io/v1").put("kind", "Ingress").putObject("metadata").put("name", "web");

        assertThat(Manifests.problems(ingress)).singleElement().asString().contains("no definition known");
    }

    private static ObjectNode writerDeployment() {
        return Chart.render(Map.of()).get("Deployment", "cdc-pipeline-transaction-writer").deepCopy();
    }
}
