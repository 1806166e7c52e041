package org.cdcpipeline.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The start-up archive Quarkus writes beside a service's {@code quarkus-run.jar} when it packages it
 * ({@code quarkus.package.jar.aot.enabled}): {@code app.aot}, a Leyden AOT cache (built on JDK 25+), or
 * {@code app-cds.jsa}, an AppCDS archive (older JDKs). It holds the classes the service loads while it starts, already
 * parsed and linked. Only the JVM build that wrote an archive can map it, and only from the directory it was written
 * in (the class path inside is relative), so the service is started from there. Used by {@link QuarkusApplication}.
 */
record StartupArchive(String fileName, String jvmOptionPrefix) {

    static final List<StartupArchive> KINDS = List.of(
            new StartupArchive("app.aot", "-XX:AOTCache="),
            new StartupArchive("app-cds.jsa", "-XX:SharedArchiveFile="));

    /** The archive header names the JVM that wrote it, e.g. {@code OpenJDK 64-Bit Server VM (25.0.3+9-LTS) for linux-amd64 ...}. */
    private static final int HEADER_BYTES = 4096;

    /**
     * The JVM option that maps the service's archive when this JVM wrote it. An archive from another JVM is left out
     * with a warning: given one, the JVM would log errors and start without it (or, in {@code -XX:AOTMode=on}, not start).
     */
    static Optional<String> jvmOption(Path appDirectory, Consumer<String> warnings) {
        for (StartupArchive kind : KINDS) {
            Path archive = appDirectory.resolve(kind.fileName);
            if (!Files.isRegularFile(archive)) {
                continue;
            }
            if (writtenBy(archive, runningJvm())) {
                return Optional.of(kind.jvmOptionPrefix + kind.fileName);
            }
            warnings.accept(kind.fileName + " was written by another Java than this one (" + runningJvm()
                    + "): starting without it; ./mvnw package with this Java rebuilds it");
        }
        return Optional.empty();
    }

    /** How this JVM names itself in the archives it writes. */
    static String runningJvm() {
        return System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.version") + ")";
    }

    static boolean writtenBy(Path archive, String jvm) {
        try (InputStream in = Files.newInputStream(archive)) {
            return new String(in.readNBytes(HEADER_BYTES), StandardCharsets.ISO_8859_1).contains(jvm);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + archive, e);
        }
    }
}
