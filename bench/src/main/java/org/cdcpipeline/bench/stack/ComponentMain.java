package org.cdcpipeline.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cdcpipeline.embedded.connect.ConnectWorker;
import org.cdcpipeline.embedded.kafka.KafkaBroker;

/**
 * The main class of a child JVM running one component of the stack, so that the benchmark can read each one's
 * memory and CPU from /proc. It writes its ready file once serving and stops when its standard input closes.
 *
 * <pre>
 * broker  READY_FILE LOG_DIR PORT CONTROLLER_PORT
 * connect READY_FILE BOOTSTRAP_SERVERS REST_PORT [key=value ...]   (worker settings over ConnectWorker's)
 * </pre>
 */
public final class ComponentMain {

    private ComponentMain() {
    }

    public static void main(String[] args) throws IOException {
        Path readyFile = Path.of(args[1]);
        AutoCloseable component = switch (args[0]) {
            case "broker" -> KafkaBroker.start(Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Map.of());
            case "connect" -> ConnectWorker.start(args[2], Integer.parseInt(args[3]), keyValues(args, 4));
            default -> throw new IllegalArgumentException("unknown component " + args[0]);
        };
        Files.writeString(readyFile, "ready");
        // The parent closes our standard input to stop us (and the OS does when the parent dies).
        while (System.in.read() >= 0) {
            // nothing is sent; reading only waits for the end of the stream
        }
        try {
            component.close();
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(0);
    }

    private static Map<String, String> keyValues(String[] args, int from) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            settings.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        return settings;
    }
}
