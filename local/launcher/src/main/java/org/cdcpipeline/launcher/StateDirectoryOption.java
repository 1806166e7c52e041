package org.cdcpipeline.launcher;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The {@code --state-dir} option every subcommand shares. */
final class StateDirectoryOption {

    @Option(names = "--state-dir", defaultValue = "${env:CDC_STATE_DIR:-.cdc-local}",
            description = "Where PostgreSQL's and Kafka's data, the logs and the launcher's pid live (default: ${DEFAULT-VALUE}; env CDC_STATE_DIR).")
    Path stateDirectory;

    LauncherState state() {
        return new LauncherState(stateDirectory.toAbsolutePath().normalize());
    }
}
