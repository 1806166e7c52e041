package org.cdcpipeline.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;

/** The chart in helm/cdc-pipeline, rendered by Helm's own Go code (helm-java) exactly as {@code helm template} would. */
final class Chart {

    static final Path DIRECTORY = Path.of("cdc-pipeline").toAbsolutePath();
    static final String RELEASE = "cdc-pipeline";
    static final String NAMESPACE = "cdc-pipeline";
    /** The Kubernetes version the rendering targets (helm template's own default is far below Chart.yaml's kubeVersion). */
    static final String KUBE_VERSION = "1.33.0";
    /** The values every rendering needs on top of values.yaml: the plugin's repository has no default (see values.yaml). */
    static final Map<String, Object> REQUIRED = Map.of("connect.build.debeziumPlugin.mavenRepository", "https://maven.example.org/maven2");

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Renderings are pure functions of their values: each is made once per test run. */
    private static final Map<Map<String, ?>, RenderedChart> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    /** Renders with values.yaml plus {@link #REQUIRED}, then the given {@code --set} values. */
    static RenderedChart render(Map<String, ?> sets) {
        return RENDERED.computeIfAbsent(Map.copyOf(sets), key -> RenderedChart.of(template(key, null)));
    }

    /** Renders with values.yaml plus the given values file (YAML, with exact types), as {@code helm template -f}. */
    static RenderedChart renderWithValues(String valuesYaml) {
        return RenderedChart.of(template(Map.of(), valuesYaml));
    }

    private static String template(Map<String, ?> sets, String valuesYaml) {
        var template = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        REQUIRED.forEach(template::set);
        sets.forEach(template::set);
        if (valuesYaml != null) {
            template.withValuesFile(writeTemporary(valuesYaml));
        }
        return template.call();
    }

    /**
     * The chart's hooks, rendered. helm-java's template, like {@code helm install}'s manifest, leaves out hook resources;
     * this renders a copy of the chart whose hook annotations are removed, so the hooks can be checked like any manifest.
     */
    static RenderedChart renderHooks(Map<String, ?> sets) {
        Path copy = copy((file, content) -> content.replaceAll("(?m)^\\s*helm\\.sh/hook(-weight)?:.*\\n", ""));
        var template = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        REQUIRED.forEach(template::set);
        sets.forEach(template::set);
        RenderedChart all = RenderedChart.of(template.call());
        RenderedChart regular = render(sets);
        return new RenderedChart(all.manifests().stream().filter(manifest -> regular.find(kind(manifest), name(manifest)).isEmpty()).toList());
    }

    /** A copy of the chart in a temporary directory, each file's content passed through {@code edit}. */
    static Path copy(BiFunction<Path, String, String> edit) {
        try {
            Path copy = Files.createTempDirectory("chart-").resolve(DIRECTORY.getFileName());
            try (var files = Files.walk(DIRECTORY)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path relative = DIRECTORY.relativize(source);
                    Path target = copy.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, edit.apply(relative, Files.readString(source)));
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code helm install} prints after installing: the rendered NOTES.txt. */
    static String notes(Map<String, ?> sets) {
        var install = new Helm(DIRECTORY).install().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION)
                .dryRun().withDryRunOption(DryRun.CLIENT).clientOnly();
        REQUIRED.forEach(install::set);
        sets.forEach(install::set);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:") + "NOTES:".length());
    }

    static String kind(JsonNode manifest) {
        return manifest.path("kind").asText();
    }

    static String name(JsonNode manifest) {
        return manifest.path("metadata").path("name").asText();
    }

    static YAMLMapper yaml() {
        return YAML;
    }

    private static Path writeTemporary(String content) {
        try {
            Path file = Files.createTempFile("values-", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifests of one rendering, parsed. */
    record RenderedChart(List<JsonNode> manifests) {

        static RenderedChart of(String output) {
            try {
                List<JsonNode> manifests = new ArrayList<>();
                for (JsonNode document : YAML.readValues(YAML.createParser(output), JsonNode.class).readAll()) {
                    if (document != null && !document.isNull() && !document.isMissingNode()) {
                        manifests.add(document);
                    }
                }
                return new RenderedChart(List.copyOf(manifests));
            } catch (IOException e) {
                throw new UncheckedIOException("helm template printed no valid YAML:\n" + output, e);
            }
        }

        JsonNode get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " among " + names()));
        }

        Optional<JsonNode> find(String kind, String name) {
            return manifests.stream()
                    .filter(m -> kind.equals(m.path("kind").asText()) && name.equals(m.path("metadata").path("name").asText()))
                    .findFirst();
        }

        List<JsonNode> ofKind(String kind) {
            return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
        }

        List<String> names() {
            return manifests.stream().map(m -> m.path("kind").asText() + "/" + m.path("metadata").path("name").asText()).toList();
        }

        /** An object's fields as name → text, e.g. a ConfigMap's data. */
        static Map<String, String> textFields(JsonNode object) {
            Map<String, String> fields = new LinkedHashMap<>();
            object.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
            return fields;
        }

        /** A container's environment as name → value, or name → "secret:<name>/<key>" for secretKeyRef entries. */
        static Map<String, String> env(JsonNode container) {
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode entry : container.path("env")) {
                JsonNode secret = entry.path("valueFrom").path("secretKeyRef");
                env.put(entry.path("name").asText(), secret.isMissingNode()
                        ? entry.path("value").asText()
                        : "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText());
            }
            return env;
        }
    }
}
