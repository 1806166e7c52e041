package org.cdcpipeline.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running launcher leaves in its state directory so that {@code status} and {@code stop}, run from another
 * terminal, can find it: its pid and the ports it took.
 */
record LauncherState(Path stateDirectory) {

    private Path file() {
        return stateDirectory.resolve("launcher.properties");
    }

    void write(long pid, LocalSettings.Ports ports) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("port.postgres", Integer.toString(ports.postgres()));
        properties.setProperty("port.kafka", Integer.toString(ports.kafka()));
        properties.setProperty("port.kafka-controller", Integer.toString(ports.kafkaController()));
        properties.setProperty("port.connect", Integer.toString(ports.connect()));
        properties.setProperty("port.transaction-writer", Integer.toString(ports.transactionWriter()));
        properties.setProperty("port.notifier", Integer.toString(ports.notifier()));
        try (Writer writer = Files.newBufferedWriter(Files.createDirectories(stateDirectory).resolve("launcher.properties"))) {
            properties.store(writer, "written by the running launcher; removed when it stops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher running on this state directory, if any (a file left by a killed launcher does not count). */
    Optional<Running> running() {
        if (!Files.exists(file())) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file())) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long pid = Long.parseLong(properties.getProperty("pid"));
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(process -> new Running(process, new LocalSettings.Ports(
                port(properties, "postgres"), port(properties, "kafka"), port(properties, "kafka-controller"),
                port(properties, "connect"), port(properties, "transaction-writer"), port(properties, "notifier"))));
    }

    void clear() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(Properties properties, String name) {
        return Integer.parseInt(properties.getProperty("port." + name));
    }

    record Running(ProcessHandle process, LocalSettings.Ports ports) {
    }
}
