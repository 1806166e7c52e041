package org.cdcpipeline.embedded.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.StartupException;

/**
 * A real PostgreSQL server, run from its own binaries with {@code pg_ctl}, listening on 127.0.0.1 only.
 * The first start creates the cluster with {@code initdb}; later starts reuse it, so data and replication
 * slots survive a restart.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String LOCAL_SETTINGS_FILE = "cdc-local.conf";

    private final PostgresSettings settings;
    private final PostgresBinaries binaries;
    private final ServerAccount account;
    private final Path home;
    private final Path dataDirectory;
    private volatile boolean running;

    private PostgresServer(PostgresSettings settings, PostgresBinaries binaries, ServerAccount account, Path home) {
        this.settings = settings;
        this.binaries = binaries;
        this.account = account;
        this.home = home;
        this.dataDirectory = home.resolve("data");
    }

    /** Finds the binaries, creates the cluster on first use, starts the server and checks it can do logical decoding. */
    public static PostgresServer start(PostgresSettings settings) {
        ServerAccount account = ServerAccount.current();
        Path home = account.homeFor(settings.stateDirectory());
        PostgresServer server = new PostgresServer(settings, PostgresBinaries.find(home), account, home);
        server.start();
        return server;
    }

    /** Where PostgreSQL keeps the files of a state directory, for status and wipe commands. */
    public static Path homeFor(Path stateDirectory) {
        return ServerAccount.current().homeFor(stateDirectory);
    }

    private void start() {
        try {
            Files.createDirectories(home);
            account.allowTraversal(settings.stateDirectory());
            stopLeftoverServer();
            Ports.requireFree("PostgreSQL", settings.port(), "--postgres-port or CDC_POSTGRES_PORT");
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                initialize();
            }
            Files.writeString(dataDirectory.resolve(LOCAL_SETTINGS_FILE), localSettings(), StandardCharsets.UTF_8);
            account.own(home);
            pgCtl("start", "-w", "-t", "60", "-l", logFile().toString());
            running = true;
            LogicalDecodingCheck.verify(this);
        } catch (IOException e) {
            throw new StartupException("Could not prepare PostgreSQL's directory " + home + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void initialize() throws IOException {
        Path passwordFile = home.resolve("initdb-password");
        Files.writeString(passwordFile, settings.superuserPassword());
        account.own(home);
        try {
            run(binaries.initdb().toString(), "-D", dataDirectory.toString(), "-U", settings.superuser(),
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.writeString(dataDirectory.resolve("postgresql.conf"),
                "\n# Written on every start by the CDC pipeline's launcher\ninclude_if_exists = '" + LOCAL_SETTINGS_FILE + "'\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private String localSettings() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("listen_addresses", "'" + Ports.LOOPBACK + "'");
        all.put("port", Integer.toString(settings.port()));
        all.put("unix_socket_directories", "''");
        settings.serverSettings().forEach(all::put);
        return all.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A crashed launcher can leave its server running; stop it so this start owns a known configuration. */
    private void stopLeftoverServer() {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            try {
                pgCtl("stop", "-m", "fast", "-w");
            } catch (StartupException notRunning) {
                // a stale pid file after a crash: the next start cleans it up
            }
        }
    }

    public int port() {
        return settings.port();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + settings.port() + "/" + database;
    }

    public Path logFile() {
        return home.resolve("postgres.log");
    }

    public PostgresBinaries binaries() {
        return binaries;
    }

    /** The running server's main process (its backends are its children), from the first line of postmaster.pid. */
    public ProcessHandle process() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL's process " + pid + " is gone"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running in " + dataDirectory, e);
        }
    }

    /** A connection as the superuser, for provisioning. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), settings.superuser(), settings.superuserPassword());
    }

    public void createDatabaseIfMissing(String database) {
        try (Connection connection = connectAsSuperuser("postgres"); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new StartupException("Could not create the database '" + database + "': " + e.getMessage(), e);
        }
    }

    public void stop() {
        if (running) {
            running = false;
            pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void pgCtl(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(binaries.pgCtl().toString(), action, "-D", dataDirectory.toString()));
        command.addAll(List.of(options));
        run(command.toArray(String[]::new));
    }

    private void run(String... command) {
        Processes.run(account.command(List.of(command)), home);
    }
}
