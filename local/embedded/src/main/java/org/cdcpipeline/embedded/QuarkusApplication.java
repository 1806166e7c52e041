package org.cdcpipeline.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A service's Quarkus application as {@code ./mvnw package} leaves it ({@code target/quarkus-app}), and how to start
 * it: the one way the local pipeline and the benchmarks run a service.
 */
public record QuarkusApplication(Path directory) {

    public static final String RUNNER_JAR = "quarkus-run.jar";
    /** The start-up archive a service's own run on this machine wrote; see {@link #trainedProcessBuilder}. */
    public static final String TRAINED_ARCHIVE = "app-trained.aot";
    /** The first Java whose JVM writes an AOT cache from a run in one step (JEP 514), with method profiles (JEP 515). */
    private static final int FIRST_JAVA_WITH_TRAINING = 25;
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
        return command(jvmOptions, StartupArchive.jvmOption(directory, warnings));
    }

    /** What {@link #trainedProcessBuilder} chose: {@code training} when this start writes the trained archive as it exits. */
    public record TrainedStart(ProcessBuilder processBuilder, boolean training) {
    }

    /**
     * Like {@link #processBuilder}, with the archive trained on an earlier run of the service on this machine when this
     * Java wrote one. The packaged archive holds what the service loads before it touches a database or a broker; a run
     * that has served requests loaded, linked and profiled much more, so its archive starts the service in about 60 % of
     * the time. Without one, on Java 25 or later, this start trains it ({@code -XX:AOTCacheOutput}): it starts more
     * slowly, without the packaged archive (the JVM takes only one), and writes {@value #TRAINED_ARCHIVE} when it exits,
     * which takes some seconds more. A rebuild of the service replaces its folder, and with it the trained archive.
     */
    public TrainedStart trainedProcessBuilder(List<String> jvmOptions, Consumer<String> warnings) {
        Path trained = directory.resolve(TRAINED_ARCHIVE);
        if (Files.isRegularFile(trained) && StartupArchive.writtenBy(trained, StartupArchive.runningJvm())) {
            return new TrainedStart(command(jvmOptions, Optional.of("-XX:AOTCache=" + TRAINED_ARCHIVE)), false);
        }
        if (Runtime.version().feature() >= FIRST_JAVA_WITH_TRAINING) {
            return new TrainedStart(command(jvmOptions, Optional.of("-XX:AOTCacheOutput=" + TRAINED_ARCHIVE)), true);
        }
        return new TrainedStart(processBuilder(jvmOptions, warnings), false);
    }

    private ProcessBuilder command(List<String> jvmOptions, Optional<String> archiveOption) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "TERM", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        archiveOption.ifPresent(command::add);
        command.addAll(List.of("-jar", RUNNER_JAR));
        return new ProcessBuilder(command).directory(directory.toFile());
    }
}
