package org.cdcpipeline.helm;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Every rendered manifest against the official definition of its kind. */
final class Manifests {

    private Manifests() {
    }

    /** The problems of one manifest, each prefixed with kind/name; empty when it is valid. */
    static List<String> problems(JsonNode manifest) {
        String id = manifest.path("kind").asText() + "/" + manifest.path("metadata").path("name").asText();
        List<String> problems;
        if (StrimziKinds.knows(manifest)) {
            problems = StrimziKinds.validate(manifest);
        } else if (KubernetesKinds.knows(manifest)) {
            problems = KubernetesKinds.validate(manifest);
        } else {
            problems = List.of("no definition known for " + manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText());
        }
        return problems.stream().map(problem -> id + ": " + problem).toList();
    }
}
