package org.cdcpipeline.launcher;

import java.nio.file.Path;

/**
 * Kafka, Kafka Connect and Debezium log through SLF4J to Log4j 2, whose configuration ({@code log4j2.xml}) writes
 * to {@code <state>/logs/pipeline.log}: the terminal keeps only the launcher's own progress lines.
 */
final class ComponentLogs {

    private ComponentLogs() {
    }

    /** Must run before the first logger is created. */
    static void configure(Path logDirectory) {
        System.setProperty("cdc.log.dir", logDirectory.toAbsolutePath().toString());
    }
}
