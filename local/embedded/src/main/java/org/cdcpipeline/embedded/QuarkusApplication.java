package org.cdcpipeline.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A service's Quarkus application as {@code ./mvnw package} leaves it ({@code target/quarkus-app}), and how to start
 * it: the one way the local pipeline and the benchmarks run a service.
 */
public record QuarkusApplication(Path directory) {

    public static final String RUNNER_JAR = "quarkus-run.jar";
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    public boolean isBuilt() {
        return Files.isRegularFile(runnerJar());
    }

    public Path runnerJar() {
        return directory.resolve(RUNNER_JAR);
    }

    /**
     * This Java with the given options, started in the application's folder with its start-up archive when this Java
     * wrote it. Where util-linux's setpriv exists, the child is told to stop when its parent dies, even by SIGKILL, so
     * a crashed launcher or benchmark never leaves a service holding its port.
     *
     * @param warnings told when the service has to start without its start-up archive
     */
    public ProcessBuilder processBuilder(List<String> jvmOptions, Consumer<String> warnings) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        StartupArchive.jvmOption(directory, warnings).ifPresent(command::add);
        command.addAll(List.of("-jar", RUNNER_JAR));
        return new ProcessBuilder(command).directory(directory.toFile());
    }
}
