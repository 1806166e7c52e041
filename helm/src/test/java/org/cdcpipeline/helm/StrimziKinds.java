package org.cdcpipeline.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates Strimzi's kinds against the openAPIV3Schema of the CRDs that Strimzi's own crd-generator produced from
 * {@code io.strimzi:api} during this build (see helm/pom.xml): the definitions the operator installs in a cluster.
 *
 * <p>A structural CRD schema leaves unknown fields to the API server, which drops them silently, or, with strict
 * field validation ({@code kubectl apply --validate=strict}, kubectl's default), rejects them. The schemas are
 * closed here the same way: every object that declares its properties and does not preserve unknown fields
 * accepts no others.
 */
final class StrimziKinds {

    static final String API_VERSION = "kafka.strimzi.io/v1";
    private static final List<String> KINDS = List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaConnect", "KafkaConnector");
    private static final Map<String, Schema> SCHEMAS = new HashMap<>();

    private StrimziKinds() {
    }

    static boolean knows(JsonNode manifest) {
        return manifest.path("apiVersion").asText().startsWith("kafka.strimzi.io/");
    }

    static List<String> validate(JsonNode manifest) {
        String kind = manifest.path("kind").asText();
        if (!API_VERSION.equals(manifest.path("apiVersion").asText()) || !KINDS.contains(kind)) {
            return List.of("no Strimzi CRD for " + manifest.path("apiVersion").asText() + "/" + kind);
        }
        return schema(kind).validate(manifest.toString(), InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** The CRD's directory, filled by the crd-generator before the tests run. */
    static Path crdDirectory() {
        return Path.of(System.getProperty("strimzi.crd.directory", "target/strimzi-crds"));
    }

    static JsonNode openApiSchema(String kind) {
        Path crd = crdDirectory().resolve(kind + ".yaml");
        try {
            JsonNode definition = Chart.yaml().readTree(crd.toFile());
            for (JsonNode version : definition.path("spec").path("versions")) {
                if ("v1".equals(version.path("name").asText())) {
                    return version.path("schema").path("openAPIV3Schema");
                }
            }
            throw new IllegalStateException(crd + " defines no v1 version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + crd + ": generate the CRDs with ./mvnw -f helm/pom.xml generate-test-resources", e);
        }
    }

    private static synchronized Schema schema(String kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> {
            JsonNode schema = openApiSchema(k).deepCopy();
            closeObjects(schema);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema.toString(), InputFormat.JSON);
        });
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        node.forEach(StrimziKinds::closeObjects);
    }
}
