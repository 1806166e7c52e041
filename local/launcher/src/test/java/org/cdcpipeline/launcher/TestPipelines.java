package org.cdcpipeline.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdcpipeline.embedded.Ports;

/** Settings for a pipeline under test: its own state directory and free ports, so tests never collide with a running pipeline. */
final class TestPipelines {

    private TestPipelines() {
    }

    static Path projectDirectory() {
        return Path.of(System.getProperty("cdc.project.dir", "../..")).toAbsolutePath().normalize();
    }

    static LocalSettings settings(Path stateDirectory, boolean demoData) {
        return new LocalSettings(projectDirectory(), stateDirectory, freePorts(), demoData);
    }

    static LocalSettings.Ports freePorts() {
        return new LocalSettings.Ports(Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree());
    }

    /** The command-line options that select these settings, as a user would type them. */
    static List<String> options(LocalSettings settings) {
        LocalSettings.Ports ports = settings.ports();
        List<String> options = new ArrayList<>(List.of(
                "--state-dir", settings.stateDirectory().toString(),
                "--project-dir", settings.projectDirectory().toString(),
                "--postgres-port", Integer.toString(ports.postgres()),
                "--kafka-port", Integer.toString(ports.kafka()),
                "--kafka-controller-port", Integer.toString(ports.kafkaController()),
                "--connect-port", Integer.toString(ports.connect()),
                "--transaction-writer-port", Integer.toString(ports.transactionWriter()),
                "--notifier-port", Integer.toString(ports.notifier())));
        if (!settings.demoData()) {
            options.add("--no-demo-data");
        }
        if (!settings.trainStartupArchives()) {
            options.add("--no-startup-training");
        }
        return options;
    }
}
